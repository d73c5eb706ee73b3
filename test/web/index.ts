// Entry of the web test bundle (`extensionTestsPath`), run in a web worker extension host: code-server's
// (with `remote.extensionKind` = web) and the VS Code web build's (@vscode/test-web). A web worker's
// `require` knows only 'vscode', so scripts/run-web-tests.mjs bundles this file, mocha's browser build and
// the tests into ONE CommonJS file (esbuild, platform browser). Results go to the console, one line each,
// prefixed `[tcpseq-web]`: the runner reads them through the workbench's codeAutomationLog.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js'); // the browser build: defines globalThis.mocha and globalThis.Mocha

interface BrowserMocha {
  setup(options: { ui: string; reporter: unknown; color: boolean; timeout: number; grep?: string }): void;
  run(done: (failures: number) => void): unknown;
}
interface Runnable { title: string; fullTitle(): string; duration?: number }
interface Runner { on(event: string, listener: (...args: never[]) => void): void }

const say = (s: string) => console.log(`[tcpseq-web] ${s}`);

/** One line per suite and test, and a summary line the runner checks. */
function PlainReporter(this: unknown, runner: Runner) {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  runner.on('suite', (s: { title: string }) => { if (s.title) say(s.title); });
  runner.on('pass', (t: Runnable) => { passed++; say(`  ✓ ${t.title} (${t.duration ?? 0} ms)`); });
  runner.on('fail', (t: Runnable, err: unknown) => {
    failed++;
    const e = err instanceof Error ? `${err.message}\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(err);
    say(`  ✗ ${t.fullTitle()}: ${e}`);
  });
  runner.on('end', () => say(`TCPSEQ WEB: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`));
}

function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
    const grep = (globalThis as { TCPSEQ_TEST_GREP?: string }).TCPSEQ_TEST_GREP;
    mocha.setup({ ui: 'tdd', reporter: PlainReporter, color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
    // a bundle cannot glob: the test files, in order (the first measures the extension's activation)
    require('./environment.test.ts');
    require('./editor.test.ts');
    require('./capture.test.ts');
    require('./exercise.test.ts');
    require('./preview.test.ts'); // last: it leaves the textbook's preview open for the runner's look into the webview
    mocha.run((failures) => (failures ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}

// After the require of mocha: bundled, mocha.js (UMD in a "type": "module" package) replaces module.exports with
// the mocha instance, and VS Code would then call mocha.run itself (HTML reporter: "document is not defined").
module.exports = { run };
