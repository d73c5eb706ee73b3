// Shared by the browser tests and the benchmark: a headless Chromium page with the real Mermaid loaded.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MERMAID_JS = `${ROOT}node_modules/mermaid/dist/mermaid.min.js`;

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page with Mermaid initialised as the preview does (strict security, no auto start). */
export async function mermaidPage(browser, theme = 'default') {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
  await page.addScriptTag({ path: MERMAID_JS });
  await page.evaluate((theme) => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
  }, theme);
  return page;
}

/** Renders Mermaid text in the page; returns the SVG's counts and texts, or the Mermaid error. */
export async function renderInPage(page, text, id = 'd') {
  return page.evaluate(async ({ text, id }) => {
    try {
      const { svg } = await window.mermaid.render(id, text);
      const host = document.getElementById('host');
      host.innerHTML = svg;
      const el = host.querySelector('svg');
      const texts = (sel) => [...el.querySelectorAll(sel)].map((n) => n.textContent);
      return {
        ok: el.getAttribute('aria-roledescription') !== 'error' && !/Syntax error in text/.test(el.textContent),
        role: el.getAttribute('aria-roledescription'),
        messages: texts('.messageText'),
        messageLines: el.querySelectorAll('.messageLine0, .messageLine1').length,
        notes: [...el.querySelectorAll('.note')].length,
        noteTexts: [...el.querySelectorAll('.noteText')].map((n) => n.textContent),
        noteGroups: [...el.querySelectorAll('rect.note')].map((r) => [...r.parentElement.querySelectorAll('.noteText')].map((t) => t.textContent).join('\n')),
        actors: texts('text.actor'),
        title: el.querySelector(':scope > text:not([class])')?.textContent ?? null,
        rects: el.querySelectorAll('rect.rect').length,
        scripts: el.querySelectorAll('script').length,
        html: svg.length,
      };
    } catch (e) {
      return { ok: false, error: String(e && e.message || e) };
    }
  }, { text, id });
}
