// 简体中文：VS Code 扩展宿主中的消息（状态栏、通知、预览面板标题、导出对话框、全角标点的悬停提示）。
// 术语见 l10n/GLOSSARY.md。
import type { extensionEn } from './extension.en.ts';

export const extensionZh: Record<keyof typeof extensionEn, string> = {
  'extension.statusBar.name': 'TCP 状态',
  'extension.statusBar.initial': '初始状态',
  'extension.statusBar.afterLine': '第 {line} 行之后的状态',
  'extension.statusBar.endpoint': '**{name}** {state} — {summary}',

  'extension.outline.label': 'TCP 报文段序列',

  'extension.ime.hover': '全角{name} `{char}`（中文输入法输入的形式）：按 ASCII 的 `{ascii}` 读取。',
  'extension.ime.hoverQuote': '全角引号 `{char}`（中文输入法输入的形式）：按 ASCII 的 `"` 读取。以 `“` 开始的字符串可以用 `”` 或 `"` 结束；引号内的文字保持原样。',
  'extension.ime.colon': '冒号',
  'extension.ime.comma': '逗号',
  'extension.ime.equals': '等号',
  'extension.ime.plus': '加号',
  'extension.ime.hash': '井号',
  'extension.ime.question': '问号',
  'extension.ime.quote': '引号',

  'extension.preview.noFile': '请先打开一个 .tcpseq 文件，才能预览它的时序图。',
  'extension.preview.panelTitle': '预览',
  'extension.preview.pageTitle': 'TCP 报文段序列预览',
  'extension.preview.title': '预览 {name}',
  'extension.preview.titleLocked': '[预览] {name}',
  'extension.preview.noAnswer': '预览没有响应',
  'extension.preview.closed': '预览已关闭',
  'extension.preview.exportFailed': '导出失败',
  'extension.preview.cannotOpen': '无法打开 {uri}：{error}',

  'extension.export.noSource': '请先打开一个 .tcpseq 文件或它的预览。',
  'extension.export.exists': '{path} 已存在。要替换它吗？',
  'extension.export.replace': '替换',
  'extension.export.saveLabel': '保存时序图',
  'extension.export.filterSvg': 'SVG 图像',
  'extension.export.filterPng': 'PNG 图像',
  'extension.export.filterMermaid': 'Mermaid 图',
  'extension.export.saved': '已保存 {name}',
  'extension.export.open': '打开',
  'extension.export.failed': '无法保存时序图：{error}',
  'extension.export.notDrawn': '预览未能及时画出时序图',
  'extension.export.copied': '已复制 Mermaid 源码',
};
