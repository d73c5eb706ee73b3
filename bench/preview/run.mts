// npm run bench:preview — the live preview's speed, in a real headless Chromium with the real bundle.
//
// For 20, 100 and 300 segments: an edit (a new document version) goes through the extension host's part
// (analysis, diagram model, Mermaid text: measured in node) and the webview's part (postMessage -> Mermaid
// render -> decorations -> SVG in the DOM, up to the next animation frame: measured in the page). Beside
// it, Mermaid's own render time for the same text (mermaid.render alone, same Mermaid, same configuration),
// so the preview's overhead over Mermaid is visible. The typing debounce (120 ms) is a deliberate pause and
// is not counted. Then the model and Mermaid text for 1,000 segments, built in node.
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { generate } from '../generate.ts';
import { launch, mermaidPage, ROOT } from '../../test/browser/mermaidPage.mjs';
import { openPreviewPage, updateOf } from '../../test/browser/webviewHarness.ts';
import { mermaidConfig } from '../../src/webview/theme.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = 2;
const SIZES = [20, 100, 300];
const TARGET_MS: Record<number, number> = { 20: 150, 100: 500 };

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

/** A file of exactly `n` segments (the generator writes whole connections; the rest is cut off). */
function fileOf(n: number): string {
  const { text } = generate(n);
  const out: string[] = [];
  let segments = 0;
  for (const line of text.split('\n')) {
    if (/^\s*\w+\s*(->|-x|~>)/.test(line)) { if (segments === n) break; segments++; }
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/** An edit: the same file with one more note, so every version is new text. */
const edit = (text: string, k: number) => `${text}note: edit ${k}\n`;

const browser = await launch();
const rows: string[][] = [];
let failures = 0;
try {
  const preview = await openPreviewPage(browser);
  const plain = await mermaidPage(browser);
  await plain.evaluate((config) => { (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config); }, mermaidConfig('light'));
  let version = 0;
  for (const n of SIZES) {
    const base = fileOf(n);
    const host: number[] = [];
    const webview: number[] = [];
    const inDom: number[] = [];
    const inPreview: number[] = [];
    const mermaidOnly: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const text = edit(base, run);
      const t0 = performance.now();
      const update = updateOf(text, ++version); // analysis + model + Mermaid text, as the extension host does
      const hostMs = performance.now() - t0;
      const page = await preview.page.evaluate(async (message) => {
        const start = performance.now();
        let inDom = 0;
        const done = new Promise<void>((resolve) => {
          const obs = new MutationObserver(() => {
            if (document.body.dataset.renderedVersion === String(message.version)) {
              obs.disconnect();
              inDom = performance.now() - start;
              requestAnimationFrame(() => resolve());
            }
          });
          obs.observe(document.body, { attributes: true, attributeFilter: ['data-rendered-version'] });
        });
        window.postMessage(message, '*');
        await done;
        return { onScreen: performance.now() - start, inDom, mermaid: Number(document.body.dataset.mermaidMs) };
      }, update);
      const arrows = await preview.page.locator('#diagram text.messageText').count();
      if (arrows !== n) { failures++; console.log(`FAIL ${n} segments: ${arrows} arrows on screen`); }
      const mermaidMs = await plain.evaluate(async ({ source, id }) => {
        const m = (window as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        const start = performance.now();
        await m.render(id, source);
        return performance.now() - start;
      }, { source: update.mermaid, id: `bench${version}` });
      if (run >= WARMUP) {
        host.push(hostMs); webview.push(page.onScreen); inDom.push(page.inDom); inPreview.push(page.mermaid); mermaidOnly.push(mermaidMs);
      }
    }
    const h = median(host);
    const w = median(webview);
    const d = median(inDom);
    const mp = median(inPreview);
    const m = median(mermaidOnly);
    const total = h + w;
    // Overhead: everything the preview adds to Mermaid's own render of the same diagram in the same page
    // (host work, messaging, decorations, DOM swap), up to the SVG being in the DOM and laid out.
    const overhead = ((h + d - mp) / mp) * 100;
    const target = TARGET_MS[n];
    rows.push([String(n), h.toFixed(1), d.toFixed(1), w.toFixed(1), total.toFixed(1), mp.toFixed(1), m.toFixed(1), `${overhead.toFixed(1)} %`,
      target ? `${total < target ? 'ok' : 'SLOW'} (< ${target} ms)` : '']);
  }
  await preview.page.close();
  await plain.close();
} finally {
  await browser.close();
}

// The model and Mermaid text for 1,000 segments, in node.
const big = fileOf(1000);
const analysis = analyze(big);
for (let i = 0; i < 5; i++) diagramOf(analysis, big);
const modelTimes: number[] = [];
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  const { model } = diagramOf(analysis, big);
  modelTimes.push(performance.now() - t0);
  if (model.messages.length !== 1000) { failures++; console.log(`FAIL 1,000 segments: ${model.messages.length} arrows in the model`); }
}
const analyzeTimes: number[] = [];
for (let i = 0; i < 7; i++) { const t0 = performance.now(); analyze(big); analyzeTimes.push(performance.now() - t0); }

const header = ['segments', 'host', 'webview→DOM', 'webview→frame', 'edit→screen', 'Mermaid in preview', 'Mermaid alone', 'overhead', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
const version = JSON.parse(readFileSync(`${ROOT}node_modules/mermaid/package.json`, 'utf8')).version;
console.log(`Preview: edit -> new SVG on screen, headless Chromium, Mermaid ${version}, median of ${RUNS} runs, in ms (debounce not counted)`);
console.log('host = analysis + model + Mermaid text; webview→DOM = postMessage to decorated SVG in the DOM; →frame = to the next animation frame;');
console.log('Mermaid in preview = mermaid.render inside the preview; alone = mermaid.render in a bare page; overhead = (host + webview→DOM) over Mermaid in preview');
console.log(line(header));
for (const r of rows) console.log(line(r));
const modelMs = median(modelTimes);
console.log(`\nModel + Mermaid text for 1,000 segments (node): ${modelMs.toFixed(2)} ms median (target < 20 ms: ${modelMs < 20 ? 'ok' : 'SLOW'}); analysis of the same file: ${median(analyzeTimes).toFixed(1)} ms`);
process.exitCode = failures ? 1 : 0;
