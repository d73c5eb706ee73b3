// The preview webview (media/preview.js, its real HTML page and CSP) in headless Chromium, driven the way
// the extension drives it: updates, stale updates, syntax errors, cursor highlight, clicks, hovers, zoom,
// theme switches and exports. Run: node --import tsx test/browser/webview.mts   (prints "N passed, N failed")
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from './mermaidPage.mjs';
import { openPreviewPage, updateOf, waitForVersion, type Harness } from './webviewHarness.ts';

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string): void {
  if (ok) passed++; else { failed++; console.log(`FAIL ${what}`); }
}

const textbook = readFileSync(join(ROOT, 'examples/01-handshake-teardown-textbook.tcpseq'), 'utf8');
const crossing = readFileSync(join(ROOT, 'examples/12-in-flight-crossing.tcpseq'), 'utf8');

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try { await body(); } catch (e) { failed++; console.log(`FAIL ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`); }
}

const dataset = (h: Harness) => h.page.evaluate(() => ({ ...document.body.dataset }));

const browser = await launch();
try {
  const h = await openPreviewPage(browser);
  const { page } = h;

  await step('first update', async () => {
    const u = updateOf(textbook, 1);
    await h.send(u);
    await waitForVersion(page, 1);
    const d = await dataset(h);
    check(d.diagramVersion === '1', `diagram version 1 on screen (${d.diagramVersion})`);
    const arrows = await page.locator('#diagram text.messageText[data-line]').count();
    check(arrows === u.messages.length, `every arrow tagged with its line (${arrows}/${u.messages.length})`);
    const lines = await page.locator('#diagram text.messageText').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.line)));
    check(JSON.stringify(lines) === JSON.stringify(u.messages.map((m) => m.line)), `arrow lines ${lines.join(',')}`);
    const states = await page.locator('#diagram .tcpseq-note-state').count();
    check(states === u.notes.filter((n) => n.kind === 'state').length, `state notes decorated (${states})`);
    const rendered = (await h.posted()).filter((m) => m.type === 'rendered');
    check(rendered.length === 1 && rendered[0]!.messageCount === u.messages.length, 'rendered message posted with the counts');
  });

  await step('scroll and zoom are kept across updates', async () => {
    await page.click('#zoom-in');
    await page.click('#zoom-in');
    const zoom = (await dataset(h)).zoom;
    check(zoom !== 'fit' && Number(zoom) > 0, `zoomed in (${zoom})`);
    await page.evaluate(() => { const v = document.getElementById('viewport')!; v.scrollTop = 300; v.scrollLeft = 40; });
    const before = await page.evaluate(() => { const v = document.getElementById('viewport')!; return [v.scrollTop, v.scrollLeft]; });
    await h.send(updateOf(textbook + '\n', 2));
    await waitForVersion(page, 2);
    const after = await page.evaluate(() => { const v = document.getElementById('viewport')!; return [v.scrollTop, v.scrollLeft]; });
    check(JSON.stringify(before) === JSON.stringify(after), `scroll kept ${before} -> ${after}`);
    check((await dataset(h)).zoom === zoom, 'zoom kept');
    const persisted = await page.evaluate(() => (window as unknown as { __state: { zoom: unknown; sourceUri: string } }).__state);
    check(persisted.zoom === Number(zoom) && persisted.sourceUri === 'file:///test.tcpseq', `state persisted for the serializer ${JSON.stringify(persisted)}`);
    await page.click('#zoom-fit');
    check((await dataset(h)).zoom === 'fit', 'fit');
  });

  await step('a syntax error keeps the last good diagram, with a banner', async () => {
    const lines = textbook.split('\n');
    lines.splice(lines.findIndex((l) => l.includes('->')) + 1, 0, 'this is not a statement');
    const broken = lines.join('\n');
    await h.send(updateOf(broken, 3));
    await waitForVersion(page, 3);
    const d = await dataset(h);
    check(d.diagramVersion === '2', `version 2 still on screen (${d.diagramVersion})`);
    check(d.banner === 'kept', 'banner says the last good diagram is kept');
    const banner = await page.locator('#banner').textContent();
    check(/Line \d+: .*last good diagram/.test(banner ?? ''), `banner text: ${banner}`);
    check(await page.locator('#diagram svg').count() === 1, 'the diagram did not blank');
    await h.send(updateOf(textbook, 4));
    await waitForVersion(page, 4);
    check((await dataset(h)).banner === undefined && await page.locator('#banner').isHidden(), 'banner gone once the file parses');
  });

  await step('stale updates are dropped: only the newest is drawn', async () => {
    const before = (await h.posted()).filter((m) => m.type === 'rendered').length;
    // Eight versions in one burst, as fast typing produces them.
    const burst = [5, 6, 7, 8, 9, 10, 11, 12].map((v) => updateOf(textbook + `\nnote: edit ${v}\n`, v));
    await page.evaluate((list) => { for (const m of list) window.postMessage(m, '*'); }, burst);
    await waitForVersion(page, 12);
    const rendered = (await h.posted()).filter((m) => m.type === 'rendered').slice(before);
    check(rendered.length < 8, `${rendered.length} of 8 quick updates drawn`);
    check(rendered.at(-1)?.version === 12, 'the last one drawn is the newest');
    const text = await page.locator('#diagram').textContent();
    check(text!.includes('edit 12') && !text!.includes('edit 11'), 'the newest text is on screen');
  });

  await step('cursor line highlights its arrow; in-flight arrows answer to both lines', async () => {
    await h.send(updateOf(crossing, 13));
    await waitForVersion(page, 13);
    const u = updateOf(crossing, 13);
    const late = u.messages.find((m) => m.kind === 'late')!;
    await h.send({ type: 'highlight', line: late.line });
    await page.waitForSelector('#diagram text.messageText.tcpseq-current');
    const current = await page.locator('#diagram text.messageText.tcpseq-current').evaluateAll((els) => els.map((e) => e.textContent));
    check(current.length === 1 && current[0] === late.label, `highlighted ${JSON.stringify(current)}`);
    await h.send({ type: 'highlight', line: late.deliveredLine });
    await page.waitForFunction((l) => [...document.querySelectorAll('text.tcpseq-current')].every((e) => (e as HTMLElement).dataset.deliveredLine === String(l)), late.deliveredLine);
    const atDeliver = await page.locator('#diagram text.messageText.tcpseq-current').count();
    check(atDeliver === u.messages.filter((m) => m.deliveredLine === late.deliveredLine && m.kind === 'late').length, `deliver line highlights its arrows (${atDeliver})`);
  });

  await step('click an arrow: reveal its line; hover: the full segment and findings', async () => {
    const u = updateOf(readFileSync(join(ROOT, 'examples/mistakes/01-wrong-ack-after-syn.tcpseq'), 'utf8'), 14);
    await h.send(u);
    await waitForVersion(page, 14);
    const bad = u.messages.findIndex((m) => m.worst === 'error');
    const target = page.locator(`#diagram text.messageText[data-message="${bad}"]`);
    check(await target.evaluate((e) => e.classList.contains('tcpseq-error')), 'an arrow with an error is marked');
    await target.hover();
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.locator('#tooltip').textContent();
    check(tip!.includes(u.messages[bad]!.source!) && tip!.includes('wrong-ack'), `tooltip: ${tip}`);
    await target.click();
    const reveal = (await h.posted()).filter((m) => m.type === 'reveal').at(-1);
    check(reveal?.line === u.messages[bad]!.line, `reveal line ${reveal?.line}`);
    const line = page.locator(`#diagram .tcpseq-hit[data-message="${bad}"]`);
    const box = (await line.boundingBox())!;
    await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
    const reveal2 = (await h.posted()).filter((m) => m.type === 'reveal').at(-1);
    check(reveal2?.line === u.messages[bad]!.line, 'clicking the arrow line reveals too');
    await page.locator('#diagram .tcpseq-note-state').first().click();
    const reveal3 = (await h.posted()).filter((m) => m.type === 'reveal').at(-1);
    check(typeof reveal3?.line === 'number', 'clicking a note reveals its line');
  });

  await step('export SVG and PNG (theme colours, or light background)', async () => {
    for (const [id, format, light] of [[1, 'svg', false], [2, 'png', false], [3, 'png', true], [4, 'svg', true]] as const) {
      await h.send({ type: 'export', requestId: id, format, lightBackground: light });
      await page.waitForFunction((i) => (window as unknown as { __posted: { type: string; requestId?: number }[] }).__posted.some((m) => m.type === 'exported' && m.requestId === i), id, { timeout: 30_000 });
      const reply = (await h.posted()).find((m) => m.type === 'exported' && m.requestId === id)!;
      check(typeof reply.data === 'string' && !reply.error, `export ${id} answered ${reply.error ?? ''}`);
      const data = reply.data as string;
      if (format === 'svg') {
        check(data.startsWith('<?xml') && data.includes('<svg') && data.includes('tcpseq-note-state') && !data.includes('class="tcpseq-hit"'), 'SVG is a standalone document with the diagram styles');
        check(light ? data.includes('fill="#ffffff"') : true, 'light SVG on white');
      } else {
        const bytes = Buffer.from(data, 'base64');
        check(bytes.subarray(1, 4).toString() === 'PNG' && bytes.length > 5000, `PNG of ${bytes.length} bytes`);
      }
    }
  });

  await step('theme follows VS Code and switches live', async () => {
    const before = Number((await dataset(h)).renderedVersion);
    const postedBefore = (await h.posted()).filter((m) => m.type === 'rendered').length;
    await page.evaluate(() => { document.body.classList.remove('vscode-light'); document.body.classList.add('vscode-dark'); });
    await page.waitForFunction(() => document.body.dataset.theme === 'dark');
    await page.waitForFunction((n) => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'rendered').length > n, postedBefore);
    const fill = await page.locator('#diagram rect.actor').first().evaluate((e) => getComputedStyle(e).fill);
    check(/rgb\((\d+), (\d+), (\d+)\)/.test(fill) && Number(fill.match(/\d+/)![0]) < 128, `dark actor boxes (${fill})`);
    check(Number((await dataset(h)).renderedVersion) === before, 'same version redrawn');
    await page.evaluate(() => { document.body.classList.remove('vscode-dark'); document.body.classList.add('vscode-high-contrast'); });
    await page.waitForFunction(() => document.body.dataset.theme === 'high-contrast');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#diagram rect.actor')!).fill === 'rgb(0, 0, 0)');
    check(true, 'high contrast redraw');
  });

  await step('a Mermaid failure keeps the diagram and says so', async () => {
    const u = updateOf(textbook, 20);
    u.mermaid = 'sequenceDiagram\n  p0->>: broken\n';
    await h.send(u);
    await waitForVersion(page, 20);
    check((await dataset(h)).banner === 'kept' && await page.locator('#diagram svg').count() === 1, 'last good diagram kept on a Mermaid error');
    check((await h.posted()).some((m) => m.type === 'renderError' && m.version === 20), 'renderError posted');
  });

  check(h.cspErrors.length === 0, `no CSP violations: ${h.cspErrors.join(' | ')}`);
  check(h.pageErrors.length === 0, `no page errors: ${h.pageErrors.join(' | ')}`);
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
