// The extension-host suite's entry (`extensionTestsPath`): runs every compiled *.test.js beside this file
// with mocha inside the extension host, prints each result, writes a JSON summary for the launcher, and
// rejects when a test failed (the host then exits with a non-zero code).
// Launched by scripts/run-exthost-tests.mjs (code-server + Chromium) or by @vscode/test-electron.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
  durationMs: number;
  vscodeVersion: string;
  nodeVersion: string;
}

/** One plain line per suite and test, prefixed `[tcpseq]` (the launcher shows these lines). */
class PlainReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const say = (s: string) => console.log(`[tcpseq] ${s}`);
    runner.on('suite', (s) => { if (s.title) say(s.title); });
    runner.on('pass', (t) => say(`  ✓ ${t.title} (${t.duration ?? 0} ms)`));
    runner.on('fail', (t, err: unknown) => say(`  ✗ ${t.title}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
  }
}

export async function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: PlainReporter });
  const only = process.env.TCPSEQ_TEST_GREP;
  if (only) mocha.grep(only);
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));

  const result: SuiteResult = {
    passed: 0, failed: 0, failures: [], durationMs: 0,
    vscodeVersion: (await import('vscode')).version, nodeVersion: process.version,
  };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => { result.passed++; });
    runner.on('fail', (test, err: unknown) => {
      result.failed++;
      const e = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
      result.failures.push({ title: test.fullTitle(), error: e });
    });
  });
  result.durationMs = Date.now() - started;
  const out = process.env.TCPSEQ_EXTHOST_RESULTS ?? join(__dirname, 'results.json');
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`[tcpseq] TCPSEQ EXTHOST: ${result.passed} passed, ${result.failed} failed (VS Code ${result.vscodeVersion}, Node ${result.nodeVersion})`);
  if (result.failed > 0) throw new Error(`${result.failed} extension-host test(s) failed`);
}
