// The preview's HTML page: strict CSP (no default source, scripts only with the nonce), the bundle and
// its stylesheet from the media folder. Pure (no vscode import), so the browser tests use the same page.
import { escapeHtml } from '../../core/diagram/index.ts';
import { localizer } from '../../core/i18n/format.ts';
import { LANG_TAGS, type Lang } from '../../core/i18n/types.ts';

export interface PreviewHtmlOptions {
  /** The webview's cspSource (`webview.cspSource`), or an origin in the browser tests. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
  /** The language of the toolbar's labels (English by default); the page relabels itself on each update. */
  lang?: Lang;
}

export function newNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  // a nonce must be unpredictable: the platform's cryptographic generator (Node 20 and browsers)
  for (const b of globalThis.crypto.getRandomValues(new Uint8Array(32))) s += chars[b % chars.length];
  return s;
}

export function previewHtml(o: PreviewHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data: blob:`,
    // Mermaid writes <style> elements and style attributes into its SVG.
    `style-src ${o.cspSource} 'unsafe-inline'`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
  ].join('; ');
  const l = localizer(o.lang ?? 'en');
  const a = (id: Parameters<typeof l.t>[0]) => escapeHtml(l.t(id));
  return `<!DOCTYPE html>
<html lang="${LANG_TAGS[l.lang]}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${a('webview.toolbar')}">
  <span id="file" class="file"></span>
  <span id="lock" class="lock" title="${a('webview.locked')}">🔒</span>
  <span class="spacer"></span>
  <button id="zoom-out" title="${a('webview.zoomOutTitle')}" aria-label="${a('webview.zoomOut')}">−</button>
  <button id="zoom-reset" title="${a('webview.actualSize')}" aria-label="${a('webview.actualSize')}">1:1</button>
  <button id="zoom-fit" title="${a('webview.fitWidth')}" aria-label="${a('webview.fitWidth')}">${a('webview.fit')}</button>
  <button id="zoom-in" title="${a('webview.zoomInTitle')}" aria-label="${a('webview.zoomIn')}">+</button>
</div>
<div id="banner" role="status" hidden></div>
<div id="viewport"><div id="diagram" aria-live="polite"><p class="placeholder">${a('webview.loading')}</p></div></div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
