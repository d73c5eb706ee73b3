// tcpseq.language = zh-cn under an English workbench (VS Code without the Chinese language pack): the
// diagnostics, the hovers and the status bar speak Chinese; back to `en`, they speak English again.
// Run alone: flock /tmp/tcpseq-vscode.lock env TCPSEQ_TEST_GREP=zh npm run test:exthost
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, hoverText, listing, untitled, waitFor } from './helpers.ts';

const CJK = /[\u4e00-\u9fff]/;

const TEXT = [
  'endpoint client',
  'endpoint server LISTEN',
  'client -> server： SYN seq=x => client SYN_SENT',
  'server -> client: SYNN seq=y ack=x+1',
  '',
].join('\n');

async function setLanguage(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('tcpseq').update('language', value, vscode.ConfigurationTarget.Global);
}

function position(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const i = document.getText().indexOf(needle);
  assert.ok(i >= 0, `the text has ${needle}`);
  return document.positionAt(i + offset);
}

async function hoverAt(document: vscode.TextDocument, at: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
}

interface StatusBarState { name?: string; text: string; tooltip?: string }

suite('zh: tcpseq.language = zh-cn under an English workbench', () => {
  suiteSetup(() => setLanguage('zh-cn'));
  suiteTeardown(async () => { await setLanguage(undefined); await closeAll(); });

  test('zh: the workbench is English, tcpseq speaks Chinese: diagnostics', async () => {
    assert.equal(vscode.env.language, 'en');
    const document = await untitled(TEXT);
    // the unknown flag on line 4 (the parser's message; each catalog area brings its own Chinese)
    const onLine4 = (d: readonly vscode.Diagnostic[]) => d.find((x) => x.range.start.line === 3);
    const list = await diagnosticsWhere(document.uri, 'the diagnostic of line 4 in Chinese', (d) => CJK.test(onLine4(d)?.message ?? ''));
    assert.match(onLine4(list)!.message, /SYNN/, listing(list));
    // the setting switches it back without reopening the file
    await setLanguage('en');
    const english = await diagnosticsWhere(document.uri, 'the diagnostic of line 4 in English again', (d) => !!onLine4(d) && !CJK.test(onLine4(d)!.message));
    assert.equal(english.length, list.length);
    await setLanguage('zh-cn');
    await diagnosticsWhere(document.uri, 'the diagnostic of line 4 in Chinese again', (d) => CJK.test(onLine4(d)?.message ?? ''));
  });

  test('zh: hover on a state explains it in Chinese, the name as printed; hover on a full-width colon', async () => {
    const document = await untitled(TEXT);
    const state = await waitFor('a Chinese state hover', async () => {
      const text = await hoverAt(document, position(document, 'SYN_SENT', 2));
      return /\*\*SYN_SENT\*\* — 已发送自己的 SYN/.test(text) ? text : undefined;
    });
    assert.match(state, /\*等待：\*/);
    assert.doesNotMatch(state, /Waits for/);
    const colon = await hoverAt(document, position(document, '：', 0));
    assert.match(colon, /全角冒号 `：`/);
    assert.match(colon, /按 ASCII 的 `:` 读取/);
  });

  test('zh: the status bar item and its tooltip are in Chinese', async () => {
    const document = await untitled(TEXT, true);
    const editor = await waitFor('the editor of the file', () => vscode.window.visibleTextEditors.find((e) => e.document === document));
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const state = await waitFor('the status bar in Chinese', async () => {
      const s = await vscode.commands.executeCommand<StatusBarState>('tcpseq.statusBar.state');
      return s?.tooltip?.startsWith('第 3 行之后的状态') ? s : undefined;
    });
    assert.equal(state.name, 'TCP 状态');
    assert.match(state.text, /client: SYN_SENT/);
    assert.match(state.tooltip ?? '', /\*\*client\*\* SYN_SENT — 已发送自己的 SYN/);
    assert.match(state.tooltip ?? '', /\*\*server\*\* SYN_RECEIVED — 已收到对方的 SYN/);
  });
});
