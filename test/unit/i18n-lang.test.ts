// Which language tcpseq speaks (setting, display language, CLI environment), the Localizer, the state
// explanations and the outline in Chinese, the hover on full-width IME punctuation, and the preview's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/core/index.ts';
import { documentOutline } from '../../src/core/editor/outline.ts';
import { stateDoc, stateMarkdown, stateSummary, TCP_STATES } from '../../src/core/editor/stateDocs.ts';
import { imeCharAt } from '../../src/core/editor/ime.ts';
import { formatText, localizer, t } from '../../src/core/i18n/format.ts';
import { langFromEnv, langOfTag, resolveLang } from '../../src/core/i18n/lang.ts';
import { previewHtml } from '../../src/extension/preview/html.ts';
import { metaOf } from '../../src/webview/protocol.ts';

const CJK = /[\u4e00-\u9fff]/;

test('resolveLang: the setting wins; auto follows the display language; English otherwise', () => {
  assert.equal(resolveLang('zh-cn', 'en'), 'zh-cn'); // Chinese for tcpseq alone, VS Code in English
  assert.equal(resolveLang('en', 'zh-cn'), 'en');
  assert.equal(resolveLang('auto', 'zh-cn'), 'zh-cn');
  assert.equal(resolveLang('auto', 'zh-CN'), 'zh-cn');
  assert.equal(resolveLang('auto', 'zh-tw'), 'zh-cn'); // the only Chinese catalog
  assert.equal(resolveLang('auto', 'en-US'), 'en');
  assert.equal(resolveLang('auto', 'de'), 'en'); // no German catalog
  assert.equal(resolveLang(undefined, 'zh-cn'), 'zh-cn');
  assert.equal(resolveLang('klingon', 'zh-cn'), 'zh-cn'); // an unknown value counts as auto
  assert.equal(resolveLang(42, undefined), 'en');
});

test('langOfTag reads BCP 47 tags and POSIX locale names', () => {
  assert.equal(langOfTag('zh_CN.UTF-8'), 'zh-cn');
  assert.equal(langOfTag('zh-Hans'), 'zh-cn');
  assert.equal(langOfTag('en_US.utf8@euro'), 'en');
  assert.equal(langOfTag('C'), 'en');
  assert.equal(langOfTag('POSIX'), 'en');
  assert.equal(langOfTag('fr_FR.UTF-8'), undefined);
  assert.equal(langOfTag(''), undefined);
});

test('langFromEnv: LC_ALL, then LC_MESSAGES, then LANG; the first set one decides', () => {
  assert.equal(langFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(langFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
  assert.equal(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(langFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh-cn'); // empty means unset
  assert.equal(langFromEnv({ LANG: 'fr_FR.UTF-8' }), 'en');
  assert.equal(langFromEnv({}), 'en');
});

test('formatText: params, nested messages, English fallback, the id as last resort', () => {
  assert.equal(formatText('zh-cn', t('webview.banner.line', { line: 3, message: 'x' })), '第 3 行：x');
  assert.equal(formatText('en', t('webview.banner.kept', { text: t('webview.banner.line', { line: 3, message: 'x' }) })), 'Line 3: x — showing the last good diagram');
  assert.equal(formatText('zh-cn', t('no.such.id')), 'no.such.id');
  const l = localizer('zh-cn');
  assert.equal(l.lang, 'zh-cn');
  assert.equal(l.t('extension.statusBar.afterLine', { line: 7 }), '第 7 行之后的状态');
  assert.equal(l.format(t('webview.fit')), '适应');
});

test('every state has a Chinese explanation; the state name stays as printed', () => {
  for (const s of TCP_STATES) {
    const zh = stateDoc(s, 'zh-cn');
    for (const part of [zh.summary, zh.waitsFor, zh.entered]) assert.match(part, CJK, `${s}: ${part}`);
    assert.notEqual(zh.summary, stateDoc(s, 'en').summary);
    const md = stateMarkdown(s, 'zh-cn');
    assert.ok(md.startsWith(`**${s}** — `), md);
    assert.match(md, /\*等待：\*/);
    assert.match(md, /\*进入方式：\*/);
    assert.match(md, /RFC 9293 \[§3\.3\.2\]/);
    assert.equal(stateSummary(s, 'zh-cn'), zh.summary);
  }
  assert.match(stateMarkdown('TIME_WAIT', 'zh-cn'), /2MSL/);
  assert.match(stateMarkdown('SYN_SENT', 'en'), /\*Waits for:\* A SYN\+ACK/); // English unchanged
  assert.equal(stateSummary('LISTEN'), 'A server waiting for a connection request (a SYN) from any remote TCP.');
});

test('the outline names what the file leaves unnamed in the chosen language', () => {
  const doc = parse('== ==\nclient -> server: SYN seq=x\n').document;
  const zh = documentOutline(doc, 'zh-cn');
  const en = documentOutline(doc);
  assert.equal(zh[0]!.name, '（未命名阶段）');
  assert.equal(en[0]!.name, '(unnamed section)');
  assert.equal(zh[0]!.children[0]!.name, en[0]!.children[0]!.name); // a segment is code: the same in every language
});

test('full-width IME punctuation is reported where the checker reads it as ASCII', () => {
  const line = 'client -> server： SYN，ACK seq＝x＋1 data=“你好：世界” ＃ 注：第一次握手';
  const at = (ch: string, from = 0) => line.indexOf(ch, from);
  assert.deepEqual(imeCharAt(line, at('：')), { char: '：', ascii: ':', name: 'extension.ime.colon', character: at('：') });
  assert.equal(imeCharAt(line, at('，'))?.ascii, ',');
  assert.equal(imeCharAt(line, at('＝'))?.ascii, '=');
  assert.equal(imeCharAt(line, at('＋'))?.ascii, '+');
  assert.equal(imeCharAt(line, at('“'))?.ascii, '"');
  assert.equal(imeCharAt(line, at('”'))?.ascii, '"'); // closes the string
  assert.equal(imeCharAt(line, at('：', at('“'))), undefined); // inside the string: kept as written
  assert.equal(imeCharAt(line, at('＃'))?.ascii, '#');
  assert.equal(imeCharAt(line, line.lastIndexOf('：')), undefined); // inside the comment
  assert.equal(imeCharAt(line, at('S')), undefined);
  assert.equal(imeCharAt('a -> b: ACK // 注：x', 'a -> b: ACK // 注：x'.indexOf('：')), undefined);
  assert.equal(imeCharAt('note: "a\\"：b"', 'note: "a\\"：b"'.indexOf('：')), undefined); // escaped quote stays inside
});

test('the preview page is built in the chosen language, and findings with a text are worded in it', () => {
  const html = previewHtml({ cspSource: 'x', scriptUri: 's.js', styleUri: 's.css', nonce: 'n', title: 'T', lang: 'zh-cn' });
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /title="放大（Ctrl\+滚轮）"/);
  assert.match(html, /正在加载时序图…/);
  assert.doesNotMatch(html, /Zoom in|Loading/);
  assert.match(previewHtml({ cspSource: 'x', scriptUri: 's.js', styleUri: 's.css', nonce: 'n', title: 'T' }), /<html lang="en">[\s\S]*title="Zoom in \(Ctrl\+wheel\)"/);

  const model = {
    messages: [{ line: 0, kind: 'delivered' as const, label: 'SYN', findings: [
      { severity: 'error' as const, code: 'raw', message: 'English', text: t('webview.banner.line', { line: 1, message: 'm' }) },
      { severity: 'info' as const, code: 'x', message: 'only English' },
    ] }],
    notes: [],
  };
  const meta = metaOf(model, 'zh-cn');
  assert.equal(meta.messages[0]!.findings[0]!.message, '第 1 行：m');
  assert.equal(meta.messages[0]!.findings[1]!.message, 'only English');
  assert.equal(metaOf(model).messages[0]!.findings[0]!.message, 'Line 1: m');
});
