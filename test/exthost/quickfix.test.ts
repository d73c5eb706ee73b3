// Quick fixes through the real code action API: every fix offered for every diagnostic of every mistake
// file is applied to a copy; the resulting text is the one the fix's title promises (and the core's), and
// its diagnostic is gone from that line.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/index.ts';
import { applyEdits, quickFixesFor, type QuickFix } from '../../src/core/editor/quickFixes.ts';
import { closeAll, codeOf, diagnosticsWhere, listing, untitled, workspaceRoot } from './helpers.ts';

const ROOT = workspaceRoot().fsPath;
const MISTAKES = readdirSync(join(ROOT, 'mistakes')).filter((f) => f.endsWith('.tcpseq')).sort();

/**
 * The quick fixes VS Code offers at a diagnostic's range whose titles are among `titles` (the executed
 * command's results do not carry the diagnostics they fix, so they are told apart by their titles).
 */
async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic, titles: string[]): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && !!a.edit && titles.includes(a.title));
}

/** What a fix's title promises to find on the changed line: `Change ack to x+1` -> `ack=x+1`, etc. */
function promised(title: string): string | undefined {
  let m = /^Change (seq|ack) to (\S+)/.exec(title);
  if (m) return `${m[1]}=${m[2]}`;
  m = /^Change to (\S+)/.exec(title);
  if (m) return m[1];
  m = /^Add the ACK flag \((\S+)\)/.exec(title);
  if (m) return m[1];
  m = /^Add (id=\S+)/.exec(title);
  if (m) return m[1];
  m = /^Insert the RST [^:]*: (.*)$/.exec(title);
  if (m) return m[1];
  m = /^Change (snd|rcv) to (\S+)/.exec(title);
  if (m) return `${m[1]}=${m[2]}`;
  m = /^Shorten to the usable window: (len=\d+)$/.exec(title);
  if (m) return m[1];
  if (/^Shorten the data to the usable window/.test(title)) return 'data="';
  if (/^Send one octet/.test(title)) return 'len=1';
  m = /^Wait for .*'s ACK first: insert (.*)$/.exec(title);
  if (m) return m[1];
  return undefined;
}

/** The line a fix inserts (the split of a segment), when it inserts one. */
function insertedLine(fix: QuickFix): string | undefined {
  const inserted = fix.edits.map((e) => e.newText).find((t) => /^\r?\n/.test(t));
  return inserted?.replace(/^\r?\n/, '').trim();
}

/** The same diagnostics (code, range, message), in any order. */
function same(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
  const x = a.map(key).sort();
  const y = b.map(key).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

suite('quick fixes', () => {
  suiteTeardown(closeAll);
  let applied = 0;

  for (const name of MISTAKES) {
    test(`mistakes/${name}: each quick fix gives the promised text and removes its diagnostic`, async () => {
      const text = readFileSync(join(ROOT, 'mistakes', name), 'utf8');
      const core = analyze(text);
      const expectedFixes = core.diagnostics.reduce((n, d) => n + quickFixesFor(core, text, d).length, 0);
      const probe = await untitled(text);
      const diagnostics = await diagnosticsWhere(probe.uri, `${core.diagnostics.length} diagnostics`, (d) => d.length === core.diagnostics.length);
      const copy = await untitled(text);
      let offered = 0;
      for (const d of diagnostics) {
        const coreDiagnostic = core.diagnostics.find((c) => c.code === codeOf(d) && c.range.start.line === d.range.start.line);
        assert.ok(coreDiagnostic, `${codeOf(d)} on line ${d.range.start.line + 1} is one of the core's`);
        const titles = quickFixesFor(core, text, coreDiagnostic).map((f) => f.title);
        const fixes = await quickFixes(probe.uri, d, titles);
        assert.deepEqual(fixes.map((f) => f.title).sort(), [...titles].sort(), `${name} line ${d.range.start.line + 1} ${codeOf(d)}: the fixes offered`);
        offered += fixes.length;
        for (const fix of fixes) {
          // each fix on a copy of the file, set back to the original text before
          const reset = new vscode.WorkspaceEdit();
          reset.replace(copy.uri, new vscode.Range(0, 0, copy.lineCount, 0), text);
          assert.ok(await vscode.workspace.applyEdit(reset));
          assert.equal(copy.getText(), text);
          await diagnosticsWhere(copy.uri, 'the diagnostics of the copy', (x) => same(x, diagnostics));
          const edit = new vscode.WorkspaceEdit();
          for (const [uri, edits] of fix.edit!.entries()) if (uri.toString() === probe.uri.toString()) edit.set(copy.uri, edits);
          assert.ok(await vscode.workspace.applyEdit(edit), `${fix.title}: the edit applies`);
          const after = copy.getText();
          const line = d.range.start.line;
          const what = `${name} line ${line + 1} ${codeOf(d)}: "${fix.title}"`;
          // the text: what the core's fix makes, and what the title promises, on the diagnostic's line or the line inserted after it
          const coreFix: QuickFix | undefined = quickFixesFor(core, text, coreDiagnostic).find((f) => f.title === fix.title);
          assert.ok(coreFix, `${what}: a fix the core offers`);
          assert.equal(after, applyEdits(text, coreFix.edits), `${what}: the resulting text`);
          const promise = promised(fix.title) ?? insertedLine(coreFix);
          assert.ok(promise, `${what}: a title that says what it changes`);
          const changed = [after.split('\n')[line]!, after.split('\n')[line + 1] ?? ''];
          assert.ok(changed.some((l) => l.includes(promise)), `${what}: "${promise}" in the fixed text:\n${changed.join('\n')}`);
          const beforeLines = text.split('\n');
          const afterLines = after.split('\n');
          const untouched = beforeLines.filter((l, i) => i !== line).every((l) => afterLines.includes(l));
          assert.ok(untouched, `${what}: the other lines are kept`);
          // the diagnostic is gone from its line
          const left = await diagnosticsWhere(copy.uri, `no ${codeOf(d)} on line ${line + 1}`,
            (x) => !x.some((y) => codeOf(y) === codeOf(d) && y.range.start.line === line));
          assert.ok(!left.some((y) => codeOf(y) === codeOf(d) && y.range.start.line === line), listing(left));
          applied++;
        }
      }
      assert.equal(offered, expectedFixes, `${name}: every fix the core has is offered in VS Code`);
    });
  }

  test('the quick fixes were exercised', () => {
    assert.ok(applied >= 20, `only ${applied} quick fixes applied`);
  });

  test('window-exceeded: shorten and split, applied in VS Code, give the core\'s text; the first part then fits', async () => {
    const text = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100', 'A -> B: ACK seq=42 ack=79 len=60',
      'A -> B: FIN+ACK seq=102 ack=79 len=50 => A FIN_WAIT_1', ''].join('\n');
    const core = analyze(text);
    const coreDiagnostic = core.diagnostics.find((d) => d.code === 'window-exceeded');
    assert.ok(coreDiagnostic, 'the core finds window-exceeded');
    const coreFixes = quickFixesFor(core, text, coreDiagnostic);
    assert.deepEqual(coreFixes.map((f) => f.title), ['Shorten to the usable window: len=40', 'Split: 40 octets that fit the window, and the other 10 on a new line',
      'Wait for B\'s ACK first: insert B -> A: ACK seq=79 ack=102 win=100']);
    for (const coreFix of coreFixes) {
      const document = await untitled(text);
      const [d] = await diagnosticsWhere(document.uri, 'window-exceeded', (x) => x.some((y) => codeOf(y) === 'window-exceeded'))
        .then((x) => x.filter((y) => codeOf(y) === 'window-exceeded'));
      const [fix] = await quickFixes(document.uri, d!, [coreFix.title]);
      assert.ok(fix, `VS Code offers "${coreFix.title}"`);
      assert.equal(fix.isPreferred, coreFix.preferred === true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), `${coreFix.title}: the edit applies`);
      assert.equal(document.getText(), applyEdits(text, coreFix.edits));
      await diagnosticsWhere(document.uri, 'no window-exceeded on line 4', (x) => !x.some((y) => codeOf(y) === 'window-exceeded' && y.range.start.line === 3));
      applied++;
    }
    const lines = applyEdits(text, coreFixes[1].edits).split('\n');
    assert.deepEqual(lines.slice(3, 5), ['A -> B: ACK seq=102 ack=79 len=40', 'A -> B: FIN+ACK seq=142 ack=79 len=10 => A FIN_WAIT_1']);
  });

  test('a slip read as written (data at the ISN carried through): "fix all" is offered at it, preferred, and repairs the file', async () => {
    const text = ['endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1',
      'client -> server: ACK seq=x+1 ack=y+1', 'client -> server: PSH+ACK seq=x ack=y+1 len=100', 'server -> client: ACK seq=y+1 ack=x+100', ''].join('\n');
    const document = await untitled(text);
    const [d] = (await diagnosticsWhere(document.uri, 'wrong-seq', (x) => x.some((y) => codeOf(y) === 'wrong-seq'))).filter((y) => codeOf(y) === 'wrong-seq');
    assert.equal(d!.range.start.line, 5);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, d!.range, vscode.CodeActionKind.QuickFix.value, 5);
    const one = actions.find((a) => a.title === 'Change seq to x+1');
    const all = actions.find((a) => a.title === 'Fix all seq and ack values in the file');
    assert.ok(one && all, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(one.isPreferred, false, 'one value alone leaves the next line wrong');
    assert.equal(all.isPreferred, true);
    assert.ok(all.edit, 'resolved with its edit');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.match(document.getText(), /PSH\+ACK seq=x\+1 ack=y\+1 len=100\nserver -> client: ACK seq=y\+1 ack=x\+101/);
    await diagnosticsWhere(document.uri, 'no wrong seq/ack left', (x) => !x.some((y) => /^wrong-(seq|ack)$/.test(codeOf(y))));
  });

  test('fix all seq/ack (source.fixAll.tcpseq) repairs every wrong seq and ack of a file', async () => {
    const text = ['endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1',
      'client -> server: ACK seq=x ack=y', 'client -> server: PSH+ACK seq=x+1 ack=y len=10', ''].join('\n');
    const document = await untitled(text, true);
    await diagnosticsWhere(document.uri, 'wrong seq/ack', (d) => d.filter((x) => /^wrong-(seq|ack)$/.test(codeOf(x))).length >= 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri,
      new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.tcpseq');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.tcpseq');
    assert.ok(all?.edit, `a fix-all action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.match(document.getText(), /: ACK seq=x\+1 ack=y\+1/);
    assert.match(document.getText(), /PSH\+ACK seq=x\+1 ack=y\+1 len=10/);
    await diagnosticsWhere(document.uri, 'no wrong seq/ack left', (d) => !d.some((x) => /^wrong-(seq|ack)$/.test(codeOf(x))));
  });
});
