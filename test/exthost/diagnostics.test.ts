// Diagnostics through the real vscode API: every mistake file shows exactly the errors and warnings its
// `# expect: LINE CODE` comments name, with the severities of the contract and the ranges and messages of
// the core; every example shows no error or warning; an edit updates them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/index.ts';
import { closeAll, codeOf, diagnosticsWhere, expectedKeys, listing, open, problemKeys, severityName, workspaceRoot } from './helpers.ts';

/** Severities from the contract's table (section 5), written out independently of the core. */
const CONTRACT_SEVERITY: Record<string, string[]> = {
  'syntax-error': ['error'], 'unknown-flag': ['error'], 'invalid-flags': ['error'], 'unknown-state': ['error'],
  'invalid-initial-state': ['error'], 'unknown-endpoint': ['error'], 'duplicate-endpoint': ['error'],
  'too-many-endpoints': ['error'], 'self-segment': ['error'], 'invalid-number': ['error'], 'duplicate-field': ['error'],
  'id-required': ['error'], 'duplicate-id': ['error'], 'unknown-id': ['error'], 'unexpected-segment': ['error'],
  'missing-ack-flag': ['error'], 'ack-without-flag': ['warning'], 'wrong-seq': ['error'], 'wrong-ack': ['error'],
  'data-after-fin': ['error'], 'retransmission': ['info'], 'keep-alive': ['info'], 'duplicate-segment': ['info'],
  'out-of-order': ['info'], 'rst-expected': ['warning'], 'ignored-segment': ['warning'], 'state-mismatch': ['error'],
  'invalid-action': ['error'], 'unacknowledged': ['warning'], 'undelivered': ['warning'],
  'window-exceeded': ['error'], 'window-probe': ['info'], 'challenge-ack': ['info'],
};

const ROOT = workspaceRoot().fsPath;
const names = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tcpseq')).sort();
const MISTAKES = names(join(ROOT, 'mistakes'));
const EXAMPLES = names(ROOT);

/** What the core says about the text, as comparable strings (1-based line:column-line:column). */
function coreEntries(text: string): string[] {
  return analyze(text).diagnostics.map((d) =>
    `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}: ${d.message}`).sort();
}
function vsEntries(list: readonly vscode.Diagnostic[]): string[] {
  return list.map((d) =>
    `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severityName(d)} ${codeOf(d)}: ${d.message}`).sort();
}
const allKeys = (list: readonly vscode.Diagnostic[]) => list.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`);
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

suite('diagnostics', () => {
  suiteTeardown(closeAll);

  test('there are mistake files and examples', () => {
    assert.ok(MISTAKES.length >= 10, `mistakes: ${MISTAKES.length}`);
    assert.ok(EXAMPLES.length >= 10, `examples: ${EXAMPLES.length}`);
  });

  for (const name of MISTAKES) {
    test(`mistakes/${name}: the expected codes, lines, severities and ranges`, async () => {
      const uri = vscode.Uri.file(join(ROOT, 'mistakes', name));
      const text = readFileSync(uri.fsPath, 'utf8');
      const expected = expectedKeys(text);
      assert.ok(expected.length > 0, `${name} names no expected diagnostics (# expect: LINE CODE)`);
      const { document } = await open(uri);
      // every error and warning is listed; an info is checked when the file lists it
      const keysOf = (d: readonly vscode.Diagnostic[]) => [...new Set([...problemKeys(d), ...allKeys(d).filter((k) => expected.includes(k))])].sort();
      const list = await diagnosticsWhere(uri, `diagnostics ${expected.join(', ')}`, (d) => same(keysOf(d), expected));
      for (const d of list) {
        const code = codeOf(d);
        assert.equal(d.source, 'tcpseq');
        assert.ok(CONTRACT_SEVERITY[code], `unknown code ${code}`);
        assert.ok(CONTRACT_SEVERITY[code]!.includes(severityName(d)), `${code} on line ${d.range.start.line + 1} is ${severityName(d)}, the contract says ${CONTRACT_SEVERITY[code]!.join(' or ')}`);
        assert.ok(d.message.length > 10, `${code}: a message that says what was expected`);
        assert.equal(d.range.start.line, d.range.end.line, `${code}: the range stays on its line`);
        assert.ok(d.range.end.character > d.range.start.character, `${code}: a non-empty range`);
        assert.ok(d.range.end.character <= document.lineAt(d.range.start.line).text.length, `${code}: the range is inside the line`);
        assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith(`#${code}`), `${code}: links to its reference`);
      }
      assert.deepEqual(vsEntries(list), coreEntries(text), 'the published diagnostics are the core\'s, range for range');
    });
  }

  for (const name of EXAMPLES) {
    test(`${name}: no error or warning`, async () => {
      const uri = vscode.Uri.file(join(ROOT, name));
      const text = readFileSync(uri.fsPath, 'utf8');
      const core = coreEntries(text);
      await open(uri);
      const list = await diagnosticsWhere(uri, `the core's ${core.length} diagnostics`, (d) => same(vsEntries(d), core));
      assert.deepEqual(problemKeys(list), [], `errors or warnings in a clean example:\n${listing(list)}`);
    });
  }

  test('an edit updates the diagnostics: fixing a wrong ack removes them, breaking it again brings them back', async () => {
    const uri = vscode.Uri.file(join(ROOT, 'mistakes', '01-wrong-ack-after-syn.tcpseq'));
    const { document, editor } = await open(uri);
    await diagnosticsWhere(uri, 'wrong-ack on line 9', (d) => problemKeys(d).includes('9 wrong-ack'));
    const line = document.lineAt(8);
    const at = line.text.indexOf('ack=x ');
    assert.ok(at > 0, `line 9 has ack=x: ${line.text}`);
    const range = new vscode.Range(8, at, 8, at + 'ack=x'.length);
    assert.ok(await editor.edit((b) => b.replace(range, 'ack=x+1')));
    const fixed = await diagnosticsWhere(uri, 'no error or warning after the fix', (d) => problemKeys(d).length === 0);
    assert.deepEqual(problemKeys(fixed), []);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(8, at, 8, at + 'ack=x+1'.length), 'ack=x')));
    await diagnosticsWhere(uri, 'the wrong ack back', (d) => problemKeys(d).includes('9 wrong-ack'));
    // a new line with a mistake gets its own diagnostic, on its line
    const last = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(last, '\nclient -> server: SYNN seq=x\n')));
    const added = document.getText().split('\n').findIndex((l) => l.includes('SYNN')) + 1;
    await diagnosticsWhere(uri, `unknown-flag on line ${added}`, (d) => problemKeys(d).includes(`${added} unknown-flag`));
    const list = vscode.languages.getDiagnostics(uri);
    const flag = list.find((d) => codeOf(d) === 'unknown-flag')!;
    assert.equal(document.getText(flag.range), 'SYNN');
  });
});
