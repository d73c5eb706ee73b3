// English words of the preview webview and of the offline HTML page: toolbar, banners, tooltips, errors.
export const webviewEn = {
  'webview.toolbar': 'Diagram',
  'webview.locked': 'Locked to this file',
  'webview.zoomOut': 'Zoom out',
  'webview.zoomOutTitle': 'Zoom out (Ctrl+wheel)',
  'webview.zoomIn': 'Zoom in',
  'webview.zoomInTitle': 'Zoom in (Ctrl+wheel)',
  'webview.actualSize': 'Actual size',
  'webview.fitWidth': 'Fit to width',
  'webview.fit': 'Fit',
  'webview.loading': 'Loading the diagram…',

  'webview.banner.line': 'Line {line}: {message}',
  'webview.banner.more': '{text} (and {count} more)',
  'webview.banner.kept': '{text} — showing the last good diagram',
  'webview.drawFailed': 'The diagram could not be drawn: {error}',

  'webview.tip.line': 'line {line}',
  'webview.tip.deliveredAt': 'line {line}, delivered at line {delivered}',
  'webview.tip.lost': '{where} · lost',
  'webview.tip.late': '{where} · in flight, delivered later',
  'webview.tip.inFlight': '{where} · never delivered',
  'webview.tip.finding': '{severity}: {code}: {message}',
  'webview.tip.source': 'line {line}: {source}',
  'webview.severity.error': 'error',
  'webview.severity.warning': 'warning',
  'webview.severity.info': 'info',

  'webview.error.noDiagram': 'the preview has no diagram yet',
  'webview.error.noSvg': 'Mermaid returned no SVG',
  'webview.error.noCanvas': 'no 2D canvas in this webview',
} as const satisfies Record<string, string>;
