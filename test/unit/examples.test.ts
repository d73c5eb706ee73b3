// The example files are part of the contract's promise: every examples/*.tcpseq is clean (no error, no
// warning) and ends in the states its last `expect` line says; every examples/mistakes/*.tcpseq produces
// exactly the errors and warnings listed in its `# expect: LINE CODE` comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, DIAGNOSTIC_CODES, parseState, SEVERITY_OF, type Analysis, type Diagnostic } from '../../src/core/index.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const MISTAKES = join(EXAMPLES, 'mistakes');

function tcpseqFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tcpseq')).sort();
}

function describe(d: Diagnostic): string {
  return `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`;
}

function listing(analysis: Analysis): string {
  return analysis.diagnostics.length ? analysis.diagnostics.map(describe).join('\n') : '  (no diagnostics)';
}

/** Removes a trailing `#` or `//` comment that is not inside a quoted string. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '\\') { i++; continue; }
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || (c === '/' && line[i + 1] === '/'))) return line.slice(0, i);
  }
  return line;
}

/** The `NAME STATE` pairs of the last `expect` line of a file, read independently of the core's parser. */
function lastExpect(text: string): { line: number; states: Map<string, string> } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*expect\s+(.*)$/i.exec(stripComment(lines[i]));
    if (!m) continue;
    const states = new Map<string, string>();
    for (const pair of m[1].split(',')) {
      const p = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*[:=]?\s*([A-Za-z_0-9-]+)\s*$/.exec(pair);
      assert.ok(p, `line ${i + 1}: cannot read "${pair.trim()}" as NAME STATE`);
      const state = parseState(p[2]);
      assert.ok(state, `line ${i + 1}: "${p[2]}" is not a state`);
      states.set(p[1], state);
    }
    return { line: i + 1, states };
  }
  return undefined;
}

interface Expected { line: number; code: string }

/** The `# expect: LINE CODE` comments of a mistake file. */
function expectedDiagnostics(text: string): Expected[] {
  const out: Expected[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*#\s*expect:\s*(\d+)\s+([a-z-]+)\s*$/.exec(line);
    if (m) out.push({ line: Number(m[1]), code: m[2] });
  }
  return out;
}

const key = (line: number, code: string) => `${line} ${code}`;

test('there are examples and mistakes to check', () => {
  assert.ok(tcpseqFiles(EXAMPLES).length >= 11, `expected at least 11 examples in ${EXAMPLES}`);
  assert.ok(tcpseqFiles(MISTAKES).length >= 10, `expected at least 10 mistake files in ${MISTAKES}`);
});

for (const name of tcpseqFiles(EXAMPLES)) {
  test(`example ${name}: no error or warning, and the final states of its last expect`, () => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const analysis = analyze(text);
    const bad = analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(bad.map((d) => key(d.range.start.line + 1, d.code)), [],
      `${name} should have no error or warning; found:\n${listing(analysis)}`);

    assert.ok(analysis.title, `${name} should have a title`);
    assert.ok(analysis.endpoints.length === 2 && analysis.endpoints.every((e) => e.declared),
      `${name} should declare its two endpoints`);

    const expected = lastExpect(text);
    assert.ok(expected, `${name} should end with an \`expect\` line of the final states`);
    const actual = new Map(analysis.endpoints.map((e, i) => [e.name, analysis.final[i]]));
    assert.equal(expected.states.size, actual.size, `${name}: the expect on line ${expected.line} should name both endpoints`);
    for (const [endpoint, state] of expected.states) {
      assert.equal(actual.get(endpoint), state,
        `${name}: final state of ${endpoint} (expect on line ${expected.line}); diagnostics:\n${listing(analysis)}`);
    }
  });
}

for (const name of tcpseqFiles(MISTAKES)) {
  test(`mistake ${name}: exactly the errors and warnings of its # expect comments`, () => {
    const text = readFileSync(join(MISTAKES, name), 'utf8');
    const expected = expectedDiagnostics(text);
    assert.ok(expected.length > 0, `${name} should list its diagnostics as "# expect: LINE CODE" comments`);

    const analysis = analyze(text);
    const all = new Set(analysis.diagnostics.map((d) => key(d.range.start.line + 1, d.code)));
    const reported = new Set(analysis.diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .map((d) => key(d.range.start.line + 1, d.code)));
    const listed = new Set(expected.map((e) => key(e.line, e.code)));

    const missing = [...listed].filter((k) => !all.has(k));
    const unlisted = [...reported].filter((k) => !listed.has(k));
    assert.ok(reported.size > 0, `${name} is a mistake and should produce an error or a warning`);
    assert.deepEqual({ missing, unlisted }, { missing: [], unlisted: [] },
      `${name}: "missing" are listed but not reported, "unlisted" are reported but not listed (LINE CODE).\n`
      + `Diagnostics found:\n${listing(analysis)}`);
  });
}

/** The ```tcpseq examples of one `## TITLE` section of the README. */
function readmeSnippets(title: string): string[] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split(new RegExp(`^## ${title}\\s*$`, 'm'))[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/```tcpseq\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test('README: the examples of the Language reference are there, and none has an error or a warning', () => {
  const snippets = readmeSnippets('Language reference');
  assert.ok(snippets.length >= 6, `expected the Language reference to show at least 6 examples, found ${snippets.length}`);
  for (const snippet of snippets) {
    const analysis = analyze(snippet);
    const bad = analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(bad.map((d) => key(d.range.start.line + 1, d.code)), [],
      `this Language reference example should be clean:\n${snippet}\nfound:\n${listing(analysis)}`);
  }
});

/** The README's Diagnostics section: one `### code` heading per code, each with a snippet that produces it. */
function readmeDiagnosticEntries(): Map<string, string | undefined> {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Diagnostics\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const entries = new Map<string, string | undefined>();
  for (const part of section.split(/^### /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    entries.set(heading, /```tcpseq\n([\s\S]*?)```/.exec(part)?.[1]);
  }
  return entries;
}

test('README: every diagnostic code has a `### code` entry, and each entry has no other heading', () => {
  const entries = readmeDiagnosticEntries();
  assert.deepEqual([...entries.keys()].sort(), [...DIAGNOSTIC_CODES].sort());
});

for (const [code, snippet] of readmeDiagnosticEntries()) {
  test(`README: the example of ${code} produces ${code}`, () => {
    assert.ok(snippet, `the README entry ### ${code} should have a \`\`\`tcpseq example`);
    const analysis = analyze(snippet);
    const found = analysis.diagnostics.filter((d) => d.code === code);
    assert.ok(found.length > 0, `the README example of ${code} should produce it; found:\n${listing(analysis)}`);
    assert.equal(found[0].severity, SEVERITY_OF[code as keyof typeof SEVERITY_OF],
      `severity of ${code} in the README example`);
  });
}
