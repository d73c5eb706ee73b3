// The preview's HTML page: strict CSP (no default source, scripts only with the nonce), the bundle and
// its stylesheet from the media folder. Pure (no vscode import), so the browser tests use the same page.
import { escapeHtml } from '../../core/diagram/index.ts';

export interface PreviewHtmlOptions {
  /** The webview's cspSource (`webview.cspSource`), or an origin in the browser tests. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <span id="file" class="file"></span>
  <span id="lock" class="lock" title="Locked to this file">🔒</span>
  <span class="spacer"></span>
  <button id="zoom-out" title="Zoom out (Ctrl+wheel)" aria-label="Zoom out">−</button>
  <button id="zoom-reset" title="Actual size" aria-label="Actual size">1:1</button>
  <button id="zoom-fit" title="Fit to width" aria-label="Fit to width">Fit</button>
  <button id="zoom-in" title="Zoom in (Ctrl+wheel)" aria-label="Zoom in">+</button>
</div>
<div id="banner" role="status" hidden></div>
<div id="viewport"><div id="diagram" aria-live="polite"><p class="placeholder">Loading the diagram…</p></div></div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
