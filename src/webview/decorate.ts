// Ties the SVG Mermaid drew to the file: the n-th arrow is the n-th message of the update, the n-th note
// the n-th note. Tags them with data-line and classes (severity, kind), and adds wide hover targets.
import type { Localizer } from '../core/i18n/format.ts';
import { messageKindText } from '../core/diagram/labels.ts';
import type { MessageMeta, NoteMeta } from './protocol.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Decorated { messageCount: number; noteCount: number; mismatch?: string }

export function decorate(svg: SVGSVGElement, messages: MessageMeta[], notes: NoteMeta[]): Decorated {
  const texts = [...svg.querySelectorAll<SVGTextElement>('text.messageText')];
  const lines = [...svg.querySelectorAll<SVGElement>('.messageLine0, .messageLine1')];
  const noteRects = [...svg.querySelectorAll<SVGRectElement>('rect.note')];
  texts.forEach((el, i) => tagMessage(el, i, messages[i]));
  lines.forEach((el, i) => {
    const m = messages[i];
    tagMessage(el, i, m);
    if (m) addHitArea(el, i, m);
  });
  noteRects.forEach((rect, i) => {
    const group = rect.parentElement as unknown as SVGGElement | null;
    const meta = notes[i];
    if (!group || !meta) return;
    group.dataset.line = String(meta.line);
    group.dataset.note = String(i);
    group.classList.add('tcpseq-note', `tcpseq-note-${meta.kind}`);
    if (meta.severity) group.classList.add(`tcpseq-${meta.severity}`);
  });
  // The title is the only text Mermaid draws without a class, straight in the svg.
  for (const t of svg.querySelectorAll(':scope > text:not([class])')) {
    t.classList.add('tcpseq-title');
    placeTitle(svg, t as SVGTextElement);
  }
  let mismatch: string | undefined;
  if (texts.length !== messages.length || noteRects.length !== notes.length) {
    mismatch = `the SVG has ${texts.length} arrows and ${noteRects.length} notes, the model ${messages.length} and ${notes.length}`;
  }
  return { messageCount: texts.length, noteCount: noteRects.length, mismatch };
}

/**
 * Mermaid starts the title near the middle and leaves it out of the viewBox: centre it over the participants
 * and grow the viewBox to its width. The width is estimated from its length (measuring it would force a
 * layout before the one the browser does anyway to paint).
 */
function placeTitle(svg: SVGSVGElement, title: SVGTextElement): void {
  const boxes = [...svg.querySelectorAll<SVGRectElement>('rect.actor')];
  const vb = svg.viewBox?.baseVal;
  if (!boxes.length || !vb || !vb.width) return;
  const left = Math.min(...boxes.map((b) => Number(b.getAttribute('x') ?? 0)));
  const right = Math.max(...boxes.map((b) => Number(b.getAttribute('x') ?? 0) + Number(b.getAttribute('width') ?? 0)));
  const centre = (left + right) / 2;
  title.setAttribute('x', String(centre));
  title.setAttribute('text-anchor', 'middle');
  const half = ((title.textContent ?? '').length * TITLE_CHAR_WIDTH) / 2 + 12;
  const x0 = Math.min(vb.x, centre - half);
  const x1 = Math.max(vb.x + vb.width, centre + half);
  if (x0 < vb.x || x1 > vb.x + vb.width) {
    svg.setAttribute('viewBox', `${x0} ${vb.y} ${x1 - x0} ${vb.height}`);
    if (svg.style.maxWidth) svg.style.maxWidth = `${x1 - x0}px`;
  }
}
/** An upper estimate of one character of the title (bold, about 18 px). */
const TITLE_CHAR_WIDTH = 10.5;

function tagMessage(el: SVGElement, index: number, m: MessageMeta | undefined): void {
  if (!m) return;
  el.dataset.line = String(m.line);
  if (m.deliveredLine !== undefined) el.dataset.deliveredLine = String(m.deliveredLine);
  el.dataset.message = String(index);
  el.classList.add('tcpseq-message', `tcpseq-${m.kind}`);
  if (m.worst) el.classList.add(`tcpseq-${m.worst}`);
}

/** A transparent, wide copy of the arrow's line so that a thin arrow is easy to hover and click. */
function addHitArea(line: SVGElement, index: number, m: MessageMeta): void {
  if (line.tagName !== 'line') return;
  const hit = document.createElementNS(SVG_NS, 'line');
  for (const a of ['x1', 'y1', 'x2', 'y2']) hit.setAttribute(a, line.getAttribute(a) ?? '0');
  hit.setAttribute('class', 'tcpseq-hit');
  hit.dataset.line = String(m.line);
  hit.dataset.message = String(index);
  line.after(hit);
}

/** Marks the arrows and notes of a source line as current; returns the first one marked. */
export function highlightLine(svg: SVGSVGElement, line: number): Element | undefined {
  for (const el of svg.querySelectorAll('.tcpseq-current')) el.classList.remove('tcpseq-current');
  const l = String(line);
  let first: Element | undefined;
  for (const el of svg.querySelectorAll<SVGElement>('.tcpseq-message, .tcpseq-note')) {
    if (el.dataset.line === l || el.dataset.deliveredLine === l) {
      el.classList.add('tcpseq-current');
      first ??= el;
    }
  }
  return first;
}

/** The hover text of an arrow, in the localizer's language: the segment as written and its findings. */
export function describeMessage(m: MessageMeta, l: Localizer): { title: string; lines: { text: string; severity?: string }[] } {
  const where = m.deliveredLine !== undefined && m.deliveredLine !== m.line
    ? l.t('webview.tip.deliveredAt', { line: m.line + 1, delivered: m.deliveredLine + 1 }) : l.t('webview.tip.line', { line: m.line + 1 });
  const text = m.kind === 'lost' ? l.t('webview.tip.lost', { where })
    : m.kind === 'late' ? l.t('webview.tip.late', { where })
      : m.kind === 'in-flight' ? l.t('webview.tip.inFlight', { where }) : where;
  const said = m.old ? `${messageKindText(m.kind, l.lang, true)} · ${text}` : text;
  return {
    title: `${m.source ?? m.label}`,
    lines: [
      { text: said },
      ...m.findings.map((f) => ({ text: findingLine(l, f), severity: f.severity })),
    ],
  };
}

/** `error: wrong-ack: …` (the severity word in the localizer's language, the code as it is). */
export function findingLine(l: Localizer, f: MessageMeta['findings'][number]): string {
  return l.t('webview.tip.finding', { severity: l.t(`webview.severity.${f.severity}`), code: f.code, message: f.message });
}
