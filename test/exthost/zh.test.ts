// Chinese in two set-ups:
// - tcpseq.language = zh-cn under an English workbench (VS Code without the Chinese language pack): the
//   diagnostics, the hovers and the status bar speak Chinese; back to `en`, they speak English again.
//   Run alone: flock /tmp/tcpseq-vscode.lock env TCPSEQ_TEST_GREP=zh npm run test:exthost
// - a workbench whose display language is zh-cn (TCPSEQ_EXTHOST_LOCALE=zh-cn, npm run test:exthost:zh):
//   command titles and settings from package.nls.zh-cn.json; with tcpseq.language = auto, diagnostics,
//   hovers and quick fix titles in Chinese.
// Each run defines the suite of its set-up (the workbench language is fixed when VS Code starts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhere, hoverText, listing, waitFor, workspaceRoot } from './helpers.ts';

/**
 * A new file with this text in a folder of the workspace copy (removed at the end). Not an untitled editor:
 * VS Code reuses the names Untitled-1, -2 … after a close, and the exercise feature remembers what a document
 * URI started as, so an untitled editor could be taken for an exercise an earlier suite opened.
 */
let fileCount = 0;
const scratch = () => vscode.Uri.joinPath(workspaceRoot(), 'zh-test-files');
async function scratchFile(text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(scratch(), `zh-${process.pid}-${++fileCount}.tcpseq`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}
async function removeScratch(): Promise<void> {
  await closeAll();
  await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

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

const ZH_WORKBENCH = process.env.TCPSEQ_EXTHOST_LOCALE === 'zh-cn';

if (!ZH_WORKBENCH) suite('zh: tcpseq.language = zh-cn under an English workbench', () => {
  suiteSetup(() => setLanguage('zh-cn'));
  suiteTeardown(async () => { await setLanguage(undefined); await removeScratch(); });

  test('zh: the workbench is English, tcpseq speaks Chinese: diagnostics', async () => {
    assert.equal(vscode.env.language, 'en');
    const document = await scratchFile(TEXT);
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
    const document = await scratchFile(TEXT);
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
    const document = await scratchFile(TEXT);
    const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await waitFor('the file in the active editor', () => (vscode.window.activeTextEditor?.document === document ? true : undefined));
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    let last: StatusBarState | undefined;
    const state = await waitFor(() => `the status bar of line 3 in Chinese; now ${JSON.stringify(last)}`, async () => {
      last = await vscode.commands.executeCommand<StatusBarState>('tcpseq.statusBar.state');
      return last?.tooltip?.startsWith('第 3 行之后的状态') && last.text.includes('client: SYN_SENT') ? last : undefined;
    });
    assert.equal(state.name, 'TCP 状态');
    assert.match(state.text, /client: SYN_SENT/);
    assert.match(state.tooltip ?? '', /\*\*client\*\* SYN_SENT — 已发送自己的 SYN/);
    assert.match(state.tooltip ?? '', /\*\*server\*\* SYN_RECEIVED — 已收到对方的 SYN/);
  });
});

/** A manifest string as VS Code hands it to the extension: a plain string, or { value, original } when localized. */
const shown = (v: unknown): string => (typeof v === 'string' ? v : (v as { value?: string })?.value ?? '');

if (ZH_WORKBENCH) suite('zh-workbench: VS Code\'s display language is zh-cn', () => {
  suiteTeardown(removeScratch);

  test('zh-workbench: command titles, settings and the language alias come from package.nls.zh-cn.json', () => {
    assert.equal(vscode.env.language, 'zh-cn');
    const pkg = vscode.extensions.getExtension('tcpseq.tcpseq')?.packageJSON;
    assert.ok(pkg, 'the extension is installed');
    const title = (id: string) => shown(pkg.contributes.commands.find((c: { command: string }) => c.command === id)?.title);
    assert.equal(title('tcpseq.showPreview'), '打开预览');
    assert.equal(title('tcpseq.showPreviewToSide'), '在侧边打开预览');
    assert.equal(title('tcpseq.exportSvg'), '将时序图另存为 SVG…');
    for (const c of pkg.contributes.commands) assert.match(shown(c.title), CJK, c.command);
    const props = pkg.contributes.configuration.properties;
    assert.match(shown(props['tcpseq.language'].markdownDescription), /即使 VS Code 以英文运行/);
    assert.match(shown(props['tcpseq.validation.enabled'].description), /RFC 9293 状态机/);
    assert.equal(shown(pkg.contributes.languages[0].aliases[0]), 'TCP 报文段序列');
  });

  test('zh-workbench: with tcpseq.language auto, diagnostics, hovers and quick fix titles are in Chinese', async () => {
    assert.equal(vscode.workspace.getConfiguration('tcpseq').get('language'), 'auto');
    const document = await scratchFile(TEXT);
    await diagnosticsWhere(document.uri, 'the diagnostic of line 4 in Chinese', (d) => CJK.test(d.find((x) => x.range.start.line === 3)?.message ?? ''));
    const hover = await waitFor('a Chinese state hover', async () => {
      const text = await hoverAt(document, position(document, 'SYN_SENT', 2));
      return /\*\*SYN_SENT\*\* — 已发送自己的 SYN/.test(text) ? text : undefined;
    });
    assert.match(hover, /\*等待：\*/);
    const wrong = await scratchFile('endpoint client\nendpoint server LISTEN\nclient -> server: SYN seq=x\nserver -> client: SYN+ACK seq=y ack=x\n');
    const isWrongAck = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code) === 'wrong-ack';
    const list = await diagnosticsWhere(wrong.uri, 'wrong-ack', (d) => d.some(isWrongAck));
    const wrongAck = list.find(isWrongAck)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', wrong.uri, wrongAck.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.length > 0, 'a quick fix for wrong-ack');
    for (const a of actions) assert.match(a.title, CJK, a.title);
  });
});
