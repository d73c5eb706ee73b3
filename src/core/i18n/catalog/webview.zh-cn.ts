// 简体中文：预览页面与离线 HTML 页面中的文字（工具栏、横幅、悬停提示、错误）。术语见 l10n/GLOSSARY.md。
import type { webviewEn } from './webview.en.ts';

export const webviewZh: Record<keyof typeof webviewEn, string> = {
  'webview.toolbar': '时序图',
  'webview.locked': '已锁定到此文件',
  'webview.zoomOut': '缩小',
  'webview.zoomOutTitle': '缩小（Ctrl+滚轮）',
  'webview.zoomIn': '放大',
  'webview.zoomInTitle': '放大（Ctrl+滚轮）',
  'webview.actualSize': '实际大小',
  'webview.fitWidth': '适应宽度',
  'webview.fit': '适应',
  'webview.loading': '正在加载时序图…',

  'webview.banner.line': '第 {line} 行：{message}',
  'webview.banner.more': '{text}（另有 {count} 处）',
  'webview.banner.kept': '{text} — 显示的是上一次正确的时序图',
  'webview.drawFailed': '无法画出时序图：{error}',

  'webview.tip.line': '第 {line} 行',
  'webview.tip.deliveredAt': '第 {line} 行，在第 {delivered} 行送达',
  'webview.tip.lost': '{where} · 丢失',
  'webview.tip.late': '{where} · 在途，稍后送达',
  'webview.tip.inFlight': '{where} · 始终未送达',
  'webview.tip.finding': '{severity}：{code}：{message}',
  'webview.tip.source': '第 {line} 行：{source}',
  'webview.severity.error': '错误',
  'webview.severity.warning': '警告',
  'webview.severity.info': '提示',

  'webview.error.noDiagram': '预览中还没有时序图',
  'webview.error.noSvg': 'Mermaid 没有返回 SVG',
  'webview.error.noCanvas': '此 webview 中没有 2D 画布',
};
