// Completion, hover, document symbols, inlay hints and formatting, asked for the way VS Code asks
// (the vscode.execute*Provider commands), so the registered providers answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAll, hoverText, label, open, untitled, waitFor, workspaceRoot } from './helpers.ts';

const ROOT = workspaceRoot().fsPath;
const TEXTBOOK = '01-handshake-teardown-textbook.tcpseq';
const textbookUri = () => vscode.Uri.file(join(ROOT, TEXTBOOK));

/** Position of the `nth` occurrence of `needle` on the (0-based) line, plus `offset` characters. */
function at(document: vscode.TextDocument, line: number, needle: string, offset = 1): vscode.Position {
  const character = document.lineAt(line).text.indexOf(needle);
  assert.ok(character >= 0, `line ${line + 1} has "${needle}": ${document.lineAt(line).text}`);
  return new vscode.Position(line, character + offset);
}

async function completionsAtEnd(text: string): Promise<vscode.CompletionItem[]> {
  const document = await untitled(text);
  // The first tcpseq document activates the extension: ask once it is active (this may be the first test to run).
  await waitFor('the tcpseq extension active', () => (vscode.extensions.all.some((e) => e.packageJSON?.name === 'tcpseq' && e.isActive) ? true : undefined));
  const last = document.lineAt(document.lineCount - 1);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, last.range.end);
  return list.items;
}

const HANDSHAKE = ['endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x'];

suite('editor features', () => {
  suiteTeardown(closeAll);

  test('completion after ack= offers the expected value first: x+1 for the server, y+1 for the client', async () => {
    const server = await completionsAtEnd([...HANDSHAKE, 'server -> client: SYN+ACK seq=y ack='].join('\n'));
    const values = (items: vscode.CompletionItem[]) => items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
    assert.equal(label(values(server)[0]!), 'x+1', `values offered: ${values(server).map(label).join(', ')}`);
    assert.ok(values(server)[0]!.preselect, 'the expected value is preselected');
    const client = await completionsAtEnd([...HANDSHAKE, 'server -> client: SYN+ACK seq=y ack=x+1', 'client -> server: ACK seq=x+1 ack='].join('\n'));
    assert.equal(label(values(client)[0]!), 'y+1', `values offered: ${values(client).map(label).join(', ')}`);
    const numbers = await completionsAtEnd(['endpoint c', 'endpoint s LISTEN', 'c -> s: SYN seq=1000', 's -> c: SYN+ACK seq=5000 ack=1001', 'c -> s: ACK seq=1001 ack='].join('\n'));
    assert.equal(label(values(numbers)[0]!), '5001');
  });

  test('completion of a state after => and of flags', async () => {
    const states = await completionsAtEnd([...HANDSHAKE, 'server -> client: SYN+ACK seq=y ack=x+1 => client '].join('\n'));
    assert.ok(states.map(label).includes('ESTABLISHED'), `states offered: ${states.map(label).join(', ')}`);
    const flags = await completionsAtEnd([...HANDSHAKE, 'server -> client: '].join('\n'));
    assert.ok(flags.some((i) => /SYN\+ACK/.test(label(i))), `offered: ${flags.map(label).slice(0, 12).join(', ')}`);
  });

  test('hover on a state in an assertion explains it and says whether it holds; on a segment, the states it changes', async () => {
    const { document } = await open(textbookUri());
    const fin = document.getText().split('\n').findIndex((l) => l.startsWith('client -> server: FIN+ACK'));
    const state = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, fin, 'FIN_WAIT_1'));
    const text = hoverText(state);
    assert.match(text, /\*\*FIN_WAIT_1\*\*/);
    assert.match(text, /✓ client is FIN_WAIT_1 here/);
    const syn = document.getText().split('\n').findIndex((l) => l.startsWith('client -> server: SYN '));
    const segment = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, syn, 'SYN ')));
    assert.match(segment, /CLOSED → \*\*SYN_SENT\*\*/);
    assert.match(segment, /LISTEN → \*\*SYN_RECEIVED\*\*/);
    const comment = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 3));
    assert.equal(hoverText(comment), '', 'no hover on a comment');
  });

  test('document symbols: title, endpoints, sections with their segments and actions', async () => {
    const { document } = await open(textbookUri());
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const top = symbols.map((s) => s.name);
    assert.deepEqual(top.slice(0, 3), ['Three-way handshake and four-way teardown (textbook notation)', 'client', 'server']);
    const handshake = symbols.find((s) => s.name === 'Three-way handshake');
    const teardown = symbols.find((s) => s.name === 'Four-way teardown');
    assert.ok(handshake && teardown, `sections in the outline: ${top.join(' | ')}`);
    assert.equal(handshake.kind, vscode.SymbolKind.Namespace);
    assert.deepEqual(handshake.children.map((c) => c.name), ['client -> server: SYN', 'server -> client: SYN+ACK', 'client -> server: ACK']);
    assert.ok(teardown.children.some((c) => c.name === 'client wait 2MSL' && c.kind === vscode.SymbolKind.Method));
    const syn = handshake.children[0]!;
    assert.match(document.lineAt(syn.range.start.line).text, /^client -> server: SYN /, 'the symbol\'s range is its line');
  });

  test('inlay hints: the endpoints\' states after each event line', async () => {
    const { document } = await open(textbookUri());
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
    const events = document.getText().split('\n').map((l, i) => ({ l, i })).filter(({ l }) => /^(client|server) (->|wait)/.test(l)).map(({ i }) => i);
    assert.deepEqual(hints.map((h) => h.position.line), events, 'one hint per event line');
    const first = hints[0]!;
    assert.match(label(first), /client: SYN_SENT · server: SYN_RECEIVED/);
    assert.equal(first.position.character, document.lineAt(first.position.line).text.length, 'at the end of the line');
    assert.match(label(hints.at(-1)!), /client: CLOSED · server: CLOSED/);
  });

  test('v2: completion of ESTABLISHED snd= rcv= mirroring the peer, of old and of crash', async () => {
    // (waits for the extension to answer: this may be the first test to open a tcpseq document)
    const declText = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B '].join('\n');
    const decl = await waitFor('the provider\'s items', async () => {
      const items = await completionsAtEnd(declText);
      return items.some((i) => i.kind === vscode.CompletionItemKind.Enum) ? items : undefined;
    });
    const established = decl.find((i) => label(i) === 'ESTABLISHED snd=79 rcv=42');
    assert.ok(established, `offered: ${decl.map(label).join(', ')}`);
    assert.ok(established.preselect, 'preselected: the peer starts ESTABLISHED');
    const start = await completionsAtEnd(['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', ''].join('\n'));
    assert.ok(start.some((i) => label(i) === 'old' && i.kind === vscode.CompletionItemKind.Keyword), `offered: ${start.map(label).join(', ')}`);
    const actions = await completionsAtEnd(['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', 'A '].join('\n'));
    assert.ok(actions.some((i) => label(i) === 'crash' && i.kind === vscode.CompletionItemKind.Function), `offered: ${actions.map(label).join(', ')}`);
  });

  test('v2: hover on old, on a crash and on the window; an inlay hint with the numbers an ESTABLISHED endpoint starts with', async () => {
    const lines = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100', 'A -> B: ACK seq=42 ack=79 len=60',
      'A -> B: ACK seq=102 ack=79 len=40', 'old B -> A: SYN seq=5', 'A crash'];
    const document = await untitled(lines.join('\n'));
    const hover = async (line: number, needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, line, needle)));
    assert.match(await hover(4, 'old'), /Old duplicate/);
    assert.match(await hover(5, 'crash'), /half-open/);
    assert.match(await hover(3, 'ACK'), /usable window \(SND\.UNA \+ SND\.WND − SND\.NXT\) \| \*\*40\*\*/);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    assert.deepEqual(hints.filter((h) => h.position.line < 2).map(label), ['ESTABLISHED snd=42 rcv=79', 'ESTABLISHED snd=79 rcv=42 win=100']);
  });

  test('v2 in Chinese (tcpseq.language = zh-cn): completion details, hovers, start hints and quick fix titles', async () => {
    const config = () => vscode.workspace.getConfiguration('tcpseq');
    await config().update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    try {
      const lines = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100', 'A -> B: ACK seq=42 ack=79 len=60',
        'A -> B: ACK seq=102 ack=79 len=50', 'old B -> A: SYN seq=5', 'A '];
      const document = await untitled(lines.join('\n'));
      const items = await completionsAtEnd(lines.join('\n'));
      assert.match(items.find((i) => label(i) === 'crash')?.detail ?? '', /主机崩溃/);
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(document, 4, 'old')));
      assert.match(hover, /旧的重复报文段/);
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, 2, 0));
      const tip = hints[0]?.tooltip;
      assert.match(typeof tip === 'string' ? tip : tip?.value ?? '', /初始序号如下/);
      const range = new vscode.Range(3, 0, 3, lines[3]!.length);
      const titles = await waitFor('the window-exceeded fixes', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
        const t = actions.map((x) => x.title);
        return t.some((x) => x.startsWith('缩短')) ? t : undefined;
      });
      assert.ok(titles.includes('缩短到可用窗口：len=40'), titles.join(' | '));
    } finally {
      await config().update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('formatting a file with collapsed columns gives back the example as written', async () => {
    const original = readFileSync(join(ROOT, '02-handshake-data-teardown-numbers.tcpseq'), 'utf8');
    const squashed = original.split('\n').map((l) => (l.startsWith('#') ? l : l.replace(/ {2,}/g, ' '))).join('\n');
    assert.notEqual(squashed, original, 'the example has aligned columns to restore');
    const document = await untitled(squashed, true);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits && edits.length > 0, 'the formatter returns edits');
    const we = new vscode.WorkspaceEdit();
    we.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    await waitFor('the formatted text', () => (document.getText() === original ? true : undefined), 5000)
      .catch(() => assert.equal(document.getText(), original));
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.equal(again?.length ?? 0, 0, 'formatting is idempotent');
  });
});
