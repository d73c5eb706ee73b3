// The document outline (symbols for the Outline view, breadcrumbs and "Go to Symbol") and folding ranges.
// Top level: the title, the endpoints, events before the first section, then each section
// (`== Handshake ==`) with its events (segments, actions, `deliver`, `expect`) as children.
import type { ParsedDocument, Range, SegmentStatement, Statement } from '../syntax/syntax.ts';
import { formatText, t } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';

export type OutlineKind = 'title' | 'endpoint' | 'section' | 'segment' | 'action' | 'deliver' | 'expect';

export interface OutlineSymbol {
  /** Never empty (VS Code rejects an empty symbol name). */
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole extent: a section runs from its header to its last statement. */
  range: Range;
  /** What to reveal and select: the statement itself. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface FoldingRegion { start: number; end: number; kind: 'region' | 'comment' }

/** The outline; names the file does not give are in `lang` (English by default). */
export function documentOutline(doc: ParsedDocument, lang: Lang = 'en'): OutlineSymbol[] {
  const word = (id: string) => formatText(lang, t(id));
  const top: OutlineSymbol[] = [];
  let section: OutlineSymbol | undefined;
  for (const s of doc.statements) {
    if (s.kind === 'section') {
      section = symbol(s, s.name || word('outline.unnamedSection'), '', 'section');
      section.range = lineRange(doc, s.line, s.line);
      top.push(section);
      continue;
    }
    const item = outlineItem(s, word);
    if (!item) continue;
    if (section && item.kind !== 'title' && item.kind !== 'endpoint') {
      section.children.push(item);
      section.range = lineRange(doc, section.range.start.line, s.line);
    } else top.push(item);
  }
  return top;
}

/** One folding region per section (header to its last statement), and one per run of 2+ comment lines. */
export function foldingRegions(doc: ParsedDocument, text?: string): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  for (const s of documentOutline(doc)) {
    if (s.kind === 'section' && s.range.end.line > s.range.start.line) regions.push({ start: s.range.start.line, end: s.range.end.line, kind: 'region' });
  }
  if (text !== undefined) {
    const lines = text.split(/\r\n|\r|\n/);
    let i = 0;
    while (i < lines.length) {
      if (!isCommentLine(lines[i])) { i++; continue; }
      let j = i;
      while (j + 1 < lines.length && isCommentLine(lines[j + 1])) j++;
      if (j > i) regions.push({ start: i, end: j, kind: 'comment' });
      i = j + 1;
    }
  }
  return regions.sort((a, b) => a.start - b.start);
}

function isCommentLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('#') || t.startsWith('//');
}

function outlineItem(s: Statement, word: (id: string) => string): OutlineSymbol | undefined {
  switch (s.kind) {
    case 'title': return symbol(s, s.text || word('outline.title'), word('outline.title'), 'title');
    case 'endpoint': {
      const detail = [s.initial?.state ?? s.initial?.text ?? 'CLOSED', s.label !== undefined ? `"${s.label}"` : ''].filter(Boolean).join(' · ');
      return symbol(s, s.name.name || word('outline.unnamedEndpoint'), detail, 'endpoint');
    }
    case 'segment': return symbol(s, segmentName(s, word('outline.noFlags')), segmentDetail(s), 'segment');
    case 'action': return symbol(s, `${s.endpoint.name} ${s.action === 'wait' ? 'wait 2MSL' : s.action}`, assertionText(s.assertions), 'action');
    case 'deliver': return symbol(s, `deliver ${s.ids.map((i) => i.name).join(', ')}`, assertionText(s.assertions), 'deliver');
    case 'expect': return symbol(s, `expect ${assertionText(s.assertions)}`.trim(), '', 'expect');
    default: return undefined; // notes are text, not structure
  }
}

/** `client -> server: SYN+ACK` (flags as the validator reads them, unknown ones as written). */
export function segmentName(s: SegmentStatement, noFlags = formatText('en', t('outline.noFlags'))): string {
  const unknown = s.flagTokens.filter((f) => !f.known).map((f) => f.text);
  const flags = [...s.flags, ...unknown].join('+') || noFlags;
  return `${s.src.name} ${s.arrow} ${s.dst.name || '?'}: ${flags}`;
}

function segmentDetail(s: SegmentStatement): string {
  const fields = s.fields.map((f) => `${f.name}=${f.valueText}`).join(' ');
  const asserted = assertionText(s.assertions);
  return [fields, asserted ? `⇒ ${asserted}` : ''].filter(Boolean).join('  ');
}

function assertionText(list: { endpoint: { name: string }; state: { text: string; state?: string } }[]): string {
  return list.map((a) => `${a.endpoint.name} ${a.state.state ?? a.state.text}`).join(', ');
}

function symbol(s: Statement, name: string, detail: string, kind: OutlineKind): OutlineSymbol {
  return { name, detail, kind, range: s.range, selectionRange: s.range, children: [] };
}

function lineRange(doc: ParsedDocument, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.lineLengths[to] ?? 0 } };
}
