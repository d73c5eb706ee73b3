// Renders the Mermaid text of every example (and every student mistake, and a file of hostile labels) with
// the real Mermaid in headless Chromium: no Mermaid error, the expected arrows and notes in the expected
// order (every state in place), and every text from the file shown as written, never as markup.
// Also loads the offline HTML page of `tcpseq render --format html` with the network blocked.
// Run: node --import tsx test/browser/render-examples.mjs   (prints "N passed, N failed")
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { runRender } from '../../src/cli/render.ts';
import { HOSTILE_TEXTS, hostileFile } from './hostile.ts';
import { launch, mermaidPage, renderInPage, ROOT } from './mermaidPage.mjs';

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++; else { failed++; console.log(`FAIL ${what}`); }
}

const files = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.tcpseq')).map((f) => join(ROOT, 'examples', f)),
  ...readdirSync(join(ROOT, 'examples/mistakes')).filter((f) => f.endsWith('.tcpseq')).map((f) => join(ROOT, 'examples/mistakes', f)),
];
const cases = files.map((f) => ({ name: f.slice(ROOT.length), text: readFileSync(f, 'utf8') }));
cases.push({ name: 'hostile labels', text: hostileFile(), hostile: true });

const browser = await launch();
try {
  for (const theme of ['default', 'dark']) {
    const page = await mermaidPage(browser, theme);
    for (const c of theme === 'default' ? cases : cases.slice(0, 3)) {
      const { model, mermaid } = diagramOf(analyze(c.text), c.text);
      const r = await renderInPage(page, mermaid);
      const name = `${c.name} (${theme})`;
      check(r.ok, `${name}: Mermaid error ${r.error ?? r.role}`);
      if (!r.ok) continue;
      check(r.messages.length === model.messages.length, `${name}: ${r.messages.length} arrows in the SVG, ${model.messages.length} in the model`);
      check(r.messageLines === model.messages.length, `${name}: ${r.messageLines} arrow lines`);
      check(r.notes === model.notes.length, `${name}: ${r.notes} notes in the SVG, ${model.notes.length} in the model`);
      check(r.scripts === 0, `${name}: a <script> in the SVG`);
      // The n-th arrow and the n-th note of the SVG are the model's: labels and states read back exactly.
      const labels = model.messages.map((m) => m.label);
      check(JSON.stringify(r.messages) === JSON.stringify(labels), `${name}: arrow labels ${JSON.stringify(r.messages)} != ${JSON.stringify(labels)}`);
      const states = model.notes.map((n, i) => [n, r.noteGroups[i]]).filter(([n]) => n.kind === 'state' || n.kind === 'initial-state');
      check(states.length > 0 || model.participants.length === 0, `${name}: no state notes`);
      for (const [n, shown] of states) check(shown === n.text.join('\n'), `${name}: state note ${n.index} shows ${JSON.stringify(shown)}, expected ${JSON.stringify(n.text.join('\n'))}`);
      const labelsShown = new Set(r.actors);
      for (const p of model.participants) check(labelsShown.has(p.label.trim()), `${name}: participant label ${JSON.stringify(p.label)} not shown as written (${JSON.stringify(r.actors)})`);
      if (c.hostile) {
        const userNotes = model.notes.filter((n) => n.kind === 'note').map((n) => r.noteGroups[n.index].replace(/\n/g, ' '));
        for (const t of HOSTILE_TEXTS) {
          const written = t.replace(/#|\/\//g, '').trim().replace(/\s+/g, ' ');
          check(userNotes.includes(written), `hostile note ${JSON.stringify(written)} not shown as written`);
        }
        check(r.title !== null && r.title.includes('<script>'), `hostile title shown as text: ${r.title}`);
      }
    }
    await page.close();
  }

  // The offline HTML page of `tcpseq render --format html`.
  const dir = mkdtempSync(join(tmpdir(), 'tcpseq-render-'));
  const out = join(dir, 'page.html');
  const silent = { write() {}, error: (l) => console.log(`  stderr: ${l}`), readStdin: async () => '', interactive: false };
  const example = join(ROOT, 'examples', readdirSync(join(ROOT, 'examples')).find((f) => f.endsWith('.tcpseq')));
  check(await runRender(['--format', 'html', '-o', out, example], silent) === 0, 'tcpseq render --format html exits 0');
  const hostilePath = join(dir, 'hostile.tcpseq');
  writeFileSync(hostilePath, hostileFile());
  const hostileOut = join(dir, 'hostile.html');
  check(await runRender(['--format', 'html', '-o', hostileOut, hostilePath], silent) === 0, 'render of the hostile file exits 0');
  for (const [html, source] of [[out, example], [hostileOut, hostilePath]]) {
    const page = await browser.newPage();
    const requests = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => document.body.dataset.rendered, null, { timeout: 30_000 }).catch(() => {});
    const result = await page.evaluate(() => ({
      rendered: document.body.dataset.rendered,
      arrows: document.querySelectorAll('svg .messageText').length,
      states: document.querySelectorAll('svg .tcpseq-note-state').length,
    }));
    const text = readFileSync(source, 'utf8');
    const { model } = diagramOf(analyze(text), text);
    const name = `offline page of ${source.slice(source.lastIndexOf('/') + 1)}`;
    check(result.rendered === 'true', `${name}: drawn (${result.rendered})`);
    check(result.arrows === model.messages.length, `${name}: ${result.arrows} arrows, expected ${model.messages.length}`);
    check(result.states === model.notes.filter((n) => n.kind === 'state').length, `${name}: ${result.states} state notes decorated`);
    check(requests.length === 0, `${name}: network requests ${requests.join(' ')}`);
    check(errors.length === 0, `${name}: page errors ${errors.join(' | ')}`);
    await page.close();
  }
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
