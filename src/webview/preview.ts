// The preview webview: renders the Mermaid text the extension sends, keeps the last good diagram while the
// file does not parse, keeps zoom and scroll across updates, follows the theme, and links the SVG back to
// the source lines (click to reveal, cursor to highlight, hover for the full segment and its findings).
import mermaid from 'mermaid';
import { localizer, type Localizer } from '../core/i18n/format.ts';
import { langOfTag } from '../core/i18n/lang.ts';
import { LANG_TAGS, type Lang } from '../core/i18n/types.ts';
import { decorate, describeMessage, highlightLine } from './decorate.ts';
import { pngOf, svgDocument } from './exporter.ts';
import { backgroundOf, diagramCss } from './palette.ts';
import type { HostToWebview, PreviewPersistedState, UpdateMessage, WebviewToHost } from './protocol.ts';
import { currentTheme, mermaidConfig, onThemeChange, type ThemeKind } from './theme.ts';
import { Zoom } from './zoom.ts';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): PreviewPersistedState | undefined;
  setState(state: PreviewPersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = $('viewport');
const diagram = $('diagram');
const banner = $('banner');
const tooltip = $('tooltip');
const post = (m: WebviewToHost) => vscode.postMessage(m);

/** The page's words, in the language of the last update (tcpseq.language, resolved by the extension). */
let l: Localizer = localizer(langOfTag(document.documentElement.lang) ?? 'en');

/** Relabels the toolbar when the language changes (the page was built in the language of its opening). */
function useLang(lang: Lang | undefined): void {
  if ((lang ?? 'en') === l.lang) return;
  l = localizer(lang ?? 'en');
  document.documentElement.lang = LANG_TAGS[l.lang];
  const label = (id: string, title: Parameters<Localizer['t']>[0], aria?: Parameters<Localizer['t']>[0], text?: Parameters<Localizer['t']>[0]) => {
    const el = document.getElementById(id);
    if (!el) return;
    el.title = l.t(title);
    if (aria) el.setAttribute('aria-label', l.t(aria));
    if (text) el.textContent = l.t(text);
  };
  $('toolbar').setAttribute('aria-label', l.t('webview.toolbar'));
  label('lock', 'webview.locked');
  label('zoom-out', 'webview.zoomOutTitle', 'webview.zoomOut');
  label('zoom-reset', 'webview.actualSize', 'webview.actualSize');
  label('zoom-fit', 'webview.fitWidth', 'webview.fitWidth', 'webview.fit');
  label('zoom-in', 'webview.zoomInTitle', 'webview.zoomIn');
  const placeholder = diagram.querySelector('.placeholder');
  if (placeholder) placeholder.textContent = l.t('webview.loading');
}

/** Runs async work one piece at a time (Mermaid's configuration is global). */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}

let theme: ThemeKind = currentTheme();
mermaid.initialize(mermaidConfig(theme));

const saved = vscode.getState();
const zoom = new Zoom(viewport, saved?.zoom ?? 'fit', () => persist());
let shown: { job: UpdateMessage; svg: SVGSVGElement } | undefined;
let latestJob: UpdateMessage | undefined;
let queued: UpdateMessage | undefined;
let pumping = false;
let lastShownAt = 0;
let currentLine: number | undefined;
let renderCount = 0;
/** How long Mermaid itself took for the last diagram drawn (for the benchmark's overhead figure). */
let mermaidMs = 0;

function persist(): void {
  const job = latestJob ?? shown?.job;
  if (job) vscode.setState({ sourceUri: job.sourceUri, locked: job.locked, zoom: zoom.mode });
}

async function renderSvg(text: string, config?: ReturnType<typeof mermaidConfig>): Promise<string> {
  const id = `tcpseq-svg-${++renderCount}`;
  try {
    if (config) mermaid.initialize(config);
    const { svg } = await mermaid.render(id, text);
    return svg;
  } finally {
    document.getElementById(`d${id}`)?.remove(); // Mermaid's scratch element, left behind on errors
    document.getElementById(id)?.remove();
    if (config) mermaid.initialize(mermaidConfig(theme));
  }
}

/** Parses Mermaid's SVG text into an element, tagged and styled for the preview. */
function adopt(svgText: string, job: UpdateMessage, host: HTMLElement, kind: ThemeKind): { svg: SVGSVGElement; mismatch?: string } {
  host.innerHTML = svgText;
  const svg = host.querySelector('svg');
  if (!svg) throw new Error(l.t('webview.error.noSvg'));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = diagramCss(kind);
  svg.insertBefore(style, svg.firstChild);
  const { mismatch } = decorate(svg, job.messages, job.notes);
  return { svg, mismatch };
}

function enqueue(job: UpdateMessage): void {
  latestJob = job;
  queued = job;
  persist();
  document.body.dataset.locked = String(job.locked);
  useLang(job.lang);
  $('file').textContent = job.fileName;
  if (!pumping) void pump();
}

/** Resolves in a new task (a MessageChannel message: no 1-4 ms timer clamping), after pending messages. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });
}

async function pump(): Promise<void> {
  pumping = true;
  try {
    while (queued) {
      // Let messages already posted arrive first, so a burst of edits is drawn once, at its newest version.
      await nextTask();
      const job = queued;
      if (!job) break;
      queued = undefined;
      await serial(() => process(job));
    }
  } finally {
    pumping = false;
  }
}

async function process(job: UpdateMessage, force = false): Promise<void> {
  const sameSource = shown?.job.sourceUri === job.sourceUri;
  if (job.syntaxErrors.length && sameSource && shown && !force) {
    // While the file does not parse, the last good diagram stays; a banner says why.
    showBanner(syntaxSummary(job), 'kept');
    markRendered(job.version, shown.job.version, true, 0);
    return;
  }
  const t0 = performance.now();
  let svgText: string;
  try {
    svgText = await renderSvg(job.mermaid);
    mermaidMs = performance.now() - t0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    showBanner(l.t('webview.drawFailed', { error: message.split('\n')[0] ?? '' }), shown ? 'kept' : 'error');
    document.body.dataset.renderedVersion = String(job.version);
    post({ type: 'renderError', version: job.version, message });
    return;
  }
  // A newer version is waiting: drop this one, unless nothing new has been on screen for a second.
  if (queued && queued.sourceUri === job.sourceUri && performance.now() - lastShownAt < 1000 && !force) return;
  swap(job, svgText);
  if (job.syntaxErrors.length) showBanner(syntaxSummary(job), 'error'); else hideBanner();
  markRendered(job.version, job.version, false, mermaidMs);
}

function swap(job: UpdateMessage, svgText: string): void {
  const sameSource = shown?.job.sourceUri === job.sourceUri;
  const { scrollLeft, scrollTop } = viewport;
  const { svg, mismatch } = adopt(svgText, job, diagram, theme);
  zoom.apply(svg);
  // Keep the scroll position (setting it forces a layout: skip when it is the top-left corner anyway).
  if (!sameSource) { viewport.scrollTo(0, 0); currentLine = undefined; }
  else if (scrollLeft || scrollTop) { viewport.scrollLeft = scrollLeft; viewport.scrollTop = scrollTop; }
  if (currentLine !== undefined) highlightLine(svg, currentLine);
  if (mismatch) console.warn(`tcpseq: ${mismatch}`);
  shown = { job, svg };
  lastShownAt = performance.now();
}

function markRendered(version: number, diagramVersion: number, kept: boolean, renderMs: number): void {
  const b = document.body.dataset;
  b.renderedVersion = String(version);
  b.diagramVersion = String(diagramVersion);
  b.messageCount = String(shown?.job.messages.length ?? 0);
  b.noteCount = String(shown?.job.notes.length ?? 0);
  b.mermaidMs = renderMs.toFixed(1);
  post({
    type: 'rendered', version, diagramVersion, kept, renderMs: Math.round(renderMs),
    messageCount: shown?.job.messages.length ?? 0, noteCount: shown?.job.notes.length ?? 0,
  });
}

function syntaxSummary(job: UpdateMessage): string {
  const first = job.syntaxErrors[0]!;
  const text = l.t('webview.banner.line', { line: first.line + 1, message: first.message });
  return job.syntaxErrors.length > 1 ? l.t('webview.banner.more', { text, count: job.syntaxErrors.length - 1 }) : text;
}

function showBanner(text: string, mode: 'kept' | 'error'): void {
  banner.textContent = mode === 'kept' ? l.t('webview.banner.kept', { text }) : text;
  banner.hidden = false;
  document.body.dataset.banner = mode;
}

function hideBanner(): void {
  banner.hidden = true;
  delete document.body.dataset.banner;
}

// ---- Theme -------------------------------------------------------------------------------------------

onThemeChange((kind) => {
  theme = kind;
  mermaid.initialize(mermaidConfig(theme));
  document.body.dataset.theme = kind;
  const job = shown?.job;
  if (job) void serial(() => process(job, true));
});
document.body.dataset.theme = theme;

// ---- Sync with the editor ------------------------------------------------------------------------------

diagram.addEventListener('click', (e) => {
  const el = (e.target as Element).closest<SVGElement | HTMLElement>('[data-line]');
  if (!el || !shown) return;
  const m = el.dataset.message === undefined ? undefined : shown.job.messages[Number(el.dataset.message)];
  post({ type: 'reveal', line: m ? m.line : Number(el.dataset.line) });
});

diagram.addEventListener('mouseover', (e) => {
  const el = (e.target as Element).closest<SVGElement>('[data-message]');
  const m = el && shown ? shown.job.messages[Number(el.dataset.message)] : undefined;
  if (!m) return;
  const d = describeMessage(m, l);
  tooltip.replaceChildren();
  const title = document.createElement('div');
  title.className = 'tooltip-title';
  title.textContent = d.title;
  tooltip.append(title);
  for (const line of d.lines) {
    const div = document.createElement('div');
    div.textContent = line.text;
    if (line.severity) div.className = `tooltip-${line.severity}`;
    tooltip.append(div);
  }
  tooltip.hidden = false;
  placeTooltip(e);
});
diagram.addEventListener('mousemove', (e) => { if (!tooltip.hidden) placeTooltip(e); });
diagram.addEventListener('mouseout', (e) => {
  const to = e.relatedTarget as Element | null;
  if (!to?.closest?.('[data-message]')) tooltip.hidden = true;
});

function placeTooltip(e: MouseEvent): void {
  const x = Math.min(e.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
  const y = e.clientY + 18 + tooltip.offsetHeight > window.innerHeight ? e.clientY - tooltip.offsetHeight - 10 : e.clientY + 18;
  tooltip.style.left = `${Math.max(4, x)}px`;
  tooltip.style.top = `${Math.max(4, y)}px`;
}

function highlight(line: number): void {
  currentLine = line;
  if (!shown) return;
  const first = highlightLine(shown.svg, line);
  if (first) {
    const r = first.getBoundingClientRect();
    const v = viewport.getBoundingClientRect();
    if (r.bottom < v.top || r.top > v.bottom) first.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

// ---- Toolbar -------------------------------------------------------------------------------------------

for (const action of ['in', 'out', 'fit', 'reset'] as const) {
  document.getElementById(`zoom-${action}`)?.addEventListener('click', () => zoom.step(action));
}
window.addEventListener('resize', () => { if (zoom.mode === 'fit' && shown) zoom.apply(shown.svg); });

// ---- Export --------------------------------------------------------------------------------------------

async function exportDiagram(format: 'svg' | 'png', lightBackground: boolean): Promise<string> {
  if (!shown) throw new Error(l.t('webview.error.noDiagram'));
  const kind: ThemeKind = lightBackground ? 'light' : theme;
  let svg = shown.svg;
  let scratch: HTMLElement | undefined;
  if (kind !== theme) {
    const text = await renderSvg(shown.job.mermaid, mermaidConfig(kind));
    scratch = document.createElement('div');
    scratch.style.cssText = 'position:absolute;left:-99999px;top:0;visibility:hidden';
    document.body.append(scratch);
    svg = adopt(text, shown.job, scratch, kind).svg;
  }
  try {
    const doc = svgDocument(svg, backgroundOf(kind));
    return format === 'svg' ? doc : await pngOf(doc, l);
  } finally {
    scratch?.remove();
  }
}

// ---- Messages from the extension -------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  switch (m?.type) {
    case 'update': enqueue(m); break;
    case 'highlight': highlight(m.line); break;
    case 'zoom': zoom.step(m.action); break;
    case 'export':
      void serial(() => exportDiagram(m.format, m.lightBackground)).then(
        (data) => post({ type: 'exported', requestId: m.requestId, data }),
        (e: unknown) => post({ type: 'exported', requestId: m.requestId, error: e instanceof Error ? e.message : String(e) }),
      );
      break;
    default: break;
  }
});

post({ type: 'ready' });
