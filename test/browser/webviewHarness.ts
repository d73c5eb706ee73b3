// The real preview page (same HTML, CSP and bundle as in VS Code) in headless Chromium, with a stand-in for
// VS Code's webview API: messages the page posts are collected, messages to it are posted as VS Code does.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { previewHtml } from '../../src/extension/preview/html.ts';
import { metaOf, SYNTAX_CODES, type UpdateMessage } from '../../src/webview/protocol.ts';
import { ROOT } from './mermaidPage.mjs';

const ORIGIN = 'https://webview.test';

export interface Harness {
  page: Page;
  /** Messages the webview posted, in order. */
  posted: () => Promise<{ type: string; [k: string]: unknown }[]>;
  send: (message: unknown) => Promise<void>;
  cspErrors: string[];
  pageErrors: string[];
}

export async function openPreviewPage(browser: Browser, theme = 'vscode-light'): Promise<Harness> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const cspErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const html = previewHtml({
    cspSource: ORIGIN, scriptUri: `${ORIGIN}/media/preview.js`, styleUri: `${ORIGIN}/media/preview.css`,
    nonce: 'testnonce0123456789', title: 'test',
  }).replace('<body>', `<body class="${theme}">`)
    // The few theme colours VS Code would define, so that screenshots look like the real preview.
    .replace('</head>', `<style>
      body.vscode-light { --vscode-editor-background: #ffffff; --vscode-editor-foreground: #333333; --vscode-font-family: system-ui, sans-serif; }
      body.vscode-dark { --vscode-editor-background: #1e1e1e; --vscode-editor-foreground: #cccccc; --vscode-font-family: system-ui, sans-serif; }
      body.vscode-high-contrast { --vscode-editor-background: #000000; --vscode-editor-foreground: #ffffff; }
    </style></head>`);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (path.startsWith('/media/')) {
      const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ contentType: type, body: readFileSync(`${ROOT}${path.slice(1)}`) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  await page.addInitScript(`
    window.__posted = [];
    window.__state = undefined;
    window.acquireVsCodeApi = function () {
      return {
        postMessage: function (m) { window.__posted.push(m); },
        getState: function () { return window.__state; },
        setState: function (s) { window.__state = s; },
      };
    };`);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted),
    send: (message) => page.evaluate((m) => { window.postMessage(m, '*'); }, message),
    cspErrors,
    pageErrors,
  };
}

/** The update message the extension would send for this text. */
export function updateOf(text: string, version: number, sourceUri = 'file:///test.tcpseq'): UpdateMessage {
  const analysis = analyze(text);
  const { model, mermaid } = diagramOf(analysis, text);
  return {
    type: 'update', sourceUri, fileName: sourceUri.split('/').pop()!, version, locked: false, mermaid, ...metaOf(model),
    syntaxErrors: analysis.diagnostics.filter((d) => d.severity === 'error' && SYNTAX_CODES.has(d.code))
      .map((d) => ({ line: d.range.start.line, message: d.message })),
  };
}

/** Waits until the page has handled `version` (drawn it or kept the last good diagram). */
export async function waitForVersion(page: Page, version: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((v) => document.body.dataset.renderedVersion === String(v), version, { timeout });
}
