// The editor features in the web worker: diagnostics (the same as the core's, for every example and mistake
// file), completion, hover, a quick fix applied, formatting, the Chinese catalog, inlay hints and the outline.
import * as vscode from 'vscode';
import { analyze } from '../../src/core/index.ts';
import { closeAll, codeOf, diagnosticsWhere, hoverText, label, open, tcpseqFiles, untitled, waitFor, workspaceRoot } from '../exthost/helpers.ts';
import * as assert from './assert.ts';

const TEXTBOOK = '01-handshake-teardown-textbook.tcpseq';
const textbook = () => vscode.Uri.joinPath(workspaceRoot(), TEXTBOOK);
const HANDSHAKE = ['endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x'];
const WRONG_ACK = [...HANDSHAKE, 'server -> client: SYN+ACK seq=y ack=x'].join('\n');

const key = (line: number, code: string) => `${line + 1} ${code}`;
const keysOf = (list: readonly vscode.Diagnostic[]) => list.map((d) => key(d.range.start.line, codeOf(d))).sort();

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function completionsAtEnd(text: string): Promise<vscode.CompletionItem[]> {
  const document = await untitled(text);
  const last = document.lineAt(document.lineCount - 1);
  return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, last.range.end)).items;
}

suite('editor features in the browser', () => {
  suiteTeardown(closeAll);

  test('diagnostics of every example and mistake file are the core\'s', async () => {
    const files = [...(await tcpseqFiles()), ...(await tcpseqFiles('mistakes'))];
    let withFindings = 0;
    for (const uri of files) {
      const text = await readText(uri);
      const expected = analyze(text).diagnostics.slice(0, 2000).map((d) => key(d.range.start.line, d.code)).sort();
      if (expected.length) withFindings++;
      const { document } = await open(uri);
      await diagnosticsWhere(document.uri, expected.join(', '), (list) => JSON.stringify(keysOf(list)) === JSON.stringify(expected));
    }
    assert.ok(withFindings >= 10, `the mistake files have findings (${withFindings} files)`);
    await closeAll();
  });

  test('diagnostics follow an edit', async () => {
    const document = await untitled(WRONG_ACK, true);
    await diagnosticsWhere(document.uri, 'wrong-ack on line 4', (l) => keysOf(l).includes('4 wrong-ack'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(3).range, 'server -> client: SYN+ACK seq=y ack=x+1');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(document.uri, 'no wrong-ack', (l) => !keysOf(l).includes('4 wrong-ack'));
  });

  test('completion offers the expected ack value first', async () => {
    const items = await completionsAtEnd([...HANDSHAKE, 'server -> client: SYN+ACK seq=y ack='].join('\n'));
    const values = items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
    assert.equal(values[0] && label(values[0]), 'x+1', `values offered: ${values.map(label).join(', ')}`);
  });

  test('hover on a segment shows the states it changes', async () => {
    const { document } = await open(textbook());
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('client -> server: SYN '));
    assert.ok(line >= 0, 'the textbook example has a SYN line');
    const at = new vscode.Position(line, document.lineAt(line).text.indexOf('SYN ') + 1);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
    assert.match(text, /SYN_SENT/);
  });

  test('a quick fix applies and its diagnostic goes away', async () => {
    const document = await untitled(WRONG_ACK, true);
    const [d] = await diagnosticsWhere(document.uri, 'wrong-ack', (l) => keysOf(l).includes('4 wrong-ack'));
    const wrong = vscode.languages.getDiagnostics(document.uri).find((x) => codeOf(x) === 'wrong-ack') ?? d!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && !!a.edit && /x\+1/.test(a.title));
    assert.ok(fix, `a fix to x+1 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.lineAt(3).text, /ack=x\+1/);
    await diagnosticsWhere(document.uri, 'no wrong-ack', (l) => !keysOf(l).includes('4 wrong-ack'));
  });

  test('formatting restores an example\'s columns and is idempotent', async () => {
    const original = await readText(vscode.Uri.joinPath(workspaceRoot(), '02-handshake-data-teardown-numbers.tcpseq'));
    const squashed = original.split('\n').map((l) => (l.startsWith('#') ? l : l.replace(/ {2,}/g, ' '))).join('\n');
    assert.ok(squashed !== original, 'the example has aligned columns');
    const document = await untitled(squashed, true);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, options);
    assert.ok(edits && edits.length > 0, 'the formatter returns edits');
    const we = new vscode.WorkspaceEdit();
    we.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    await waitFor('the formatted text', () => (document.getText() === original ? true : undefined), 5000)
      .catch(() => assert.equal(document.getText(), original));
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, options);
    assert.equal(again?.length ?? 0, 0, 'a second formatting changes nothing');
  });

  test('inlay hints show the states after the event lines', async () => {
    const { document } = await open(textbook());
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    assert.ok(hints.length >= 5, `hints: ${hints.length}`);
    assert.match(label(hints[0]!), /SYN_SENT/);
  });

  test('the Chinese catalog: with tcpseq.language zh-cn the diagnostics speak Chinese', async () => {
    const config = vscode.workspace.getConfiguration('tcpseq');
    const document = await untitled(WRONG_ACK, true);
    await diagnosticsWhere(document.uri, 'wrong-ack', (l) => keysOf(l).includes('4 wrong-ack'));
    const wrongAck = () => vscode.languages.getDiagnostics(document.uri).find((x) => codeOf(x) === 'wrong-ack')?.message ?? '';
    assert.ok(!/[\u4e00-\u9fff]/.test(wrongAck()), `English first: ${wrongAck()}`);
    await config.update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhere(document.uri, 'a Chinese wrong-ack message', () => /[\u4e00-\u9fff]/.test(wrongAck()));
      assert.match(wrongAck(), /确认号|ack/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhere(document.uri, 'the English message again', () => !/[\u4e00-\u9fff]/.test(wrongAck()));
  });

  test('the outline lists the endpoints and the sections with their segments', async () => {
    const { document } = await open(textbook());
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('client') && names.includes('server'), `outline: ${names.join(' | ')}`);
    assert.ok(symbols.some((s) => s.children.length >= 3), 'a section with its segments');
  });
});
