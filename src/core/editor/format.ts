// The formatter: one space between words, columns aligned, every comment and blank line kept.
//
// Style:
// - Statements start at column 0; runs of spaces and tabs between tokens become one space; trailing
//   white space goes. Values (`seq=x + 1`, `data="…"`), labels, titles, notes and comments keep their text.
// - Alignment works per block: a run of consecutive non-blank lines (a blank line ends a block).
//   In a block, segment lines share columns: sender, arrow, receiver, flags, and the k-th field of
//   each line (`seq=` under `seq=` when the fields come in the same order). The `=>` of every line
//   with assertions in the block (segments, actions, `deliver`) starts in one column, two spaces
//   after the longest statement. Trailing comments of consecutive lines line up, two spaces after
//   the longest code.
// - Flags are written `SYN+ACK`, `FIN, ACK`, `FIN ACK`, `S.`: the separator the file uses, no space
//   around `+ | /`, one space after a comma. Assertions are written `client ESTABLISHED, server=CLOSED`.
// - Full-width punctuation typed with a Chinese input method (`：，＝＋？＃`, `“…”`) is written in its ASCII
//   form; text inside quotes, titles, notes and comments is kept as written.
// - A line with a syntax error (also one behind the first problem of a line that does not run) is left as it is. Every rewritten line is parsed again and
//   kept only when it means exactly what the original line meant (same statement, same findings);
//   otherwise the original line stays. So formatting never changes a diagnostic or the trace.
// - Each line keeps its own line break (\n, \r\n or \r), so the file keeps its line ending style.
// Formatting a formatted file changes nothing.
import { LineTokens, Tok } from '../syntax/lexer.ts';
import { parse, type ParseResult } from '../syntax/parser.ts';
import { isFieldStart } from '../syntax/parseCommon.ts';
import { fieldValueEnd } from '../syntax/parseSegment.ts';
import type { Assertion, Expr, Statement } from '../syntax/syntax.ts';

/** Lines are parsed with every problem reported, so that a syntax error behind a first problem keeps a line as it is. */
const EVERY_PROBLEM = { everyProblem: true };

/** A line's new content (without its line break). */
export interface LineEdit { line: number; text: string }

interface FieldText { name: string; text: string }

type Layout =
  | { kind: 'blank' }
  | { kind: 'raw'; text: string }
  | { kind: 'comment'; comment: string }
  | { kind: 'segment'; src: string; arrow: string; dst: string; flags: string; fields: FieldText[]; assertions?: string; comment?: string }
  | { kind: 'event'; head: string; assertions?: string; comment?: string }
  | { kind: 'plain'; code: string; comment?: string };

/** The formatted text. */
export function formatText(text: string): string {
  const { lines, breaks, bom } = splitKeepingBreaks(text);
  const out = keepBreaksApart(lines, formatLineArray(lines), breaks);
  let result = bom;
  for (let i = 0; i < out.length; i++) result += out[i] + breaks[i];
  return result;
}

/** The lines that formatting changes, each with its new content; line breaks are never touched. */
export function formatEdits(text: string): LineEdit[] {
  const { lines, breaks } = splitKeepingBreaks(text);
  const out = keepBreaksApart(lines, formatLineArray(lines), breaks);
  const edits: LineEdit[] = [];
  for (let i = 0; i < lines.length; i++) if (out[i] !== lines[i]) edits.push({ line: i, text: out[i] });
  return edits;
}

/** Formats lines (without line breaks); returns as many lines. */
export function formatLineArray(lines: readonly string[]): string[] {
  const t = new LineTokens();
  const parsed: (ParseResult | undefined)[] = new Array(lines.length);
  const layouts = lines.map((line, i) => layoutOf(t, line, i, (r) => { parsed[i] = r; }));
  const out = new Array<string>(lines.length);
  let start = 0;
  while (start < lines.length) {
    if (layouts[start].kind === 'blank') { out[start] = ''; start++; continue; }
    let end = start;
    while (end < lines.length && layouts[end].kind !== 'blank') end++;
    renderBlock(layouts, start, end, out);
    start = end;
  }
  // the safety net: a rewritten line must mean what the original meant
  for (let i = 0; i < lines.length; i++) {
    if (out[i] !== lines[i] && layouts[i].kind !== 'blank' && layouts[i].kind !== 'comment' && meaning(parse(out[i], EVERY_PROBLEM)) !== meaning(parsed[i]!)) out[i] = lines[i];
  }
  return out;
}

/** A white-space line between a \r and a \n keeps its white space: emptied, the two breaks would become one \r\n. */
function keepBreaksApart(lines: readonly string[], out: string[], breaks: readonly string[]): string[] {
  for (let i = 1; i < out.length; i++) if (out[i] === '' && breaks[i - 1] === '\r' && breaks[i].startsWith('\n')) out[i] = lines[i];
  return out;
}

function splitKeepingBreaks(text: string): { lines: string[]; breaks: string[]; bom: string } {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines: string[] = [];
  const breaks: string[] = [];
  let start = bom.length;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(start, i));
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    breaks.push(crlf ? '\r\n' : text[i]);
    if (crlf) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  breaks.push('');
  return { lines, breaks, bom };
}

// ---- one line -------------------------------------------------------------------------------

function layoutOf(t: LineTokens, line: string, index: number, keep: (r: ParseResult) => void): Layout {
  t.tokenize(line, index);
  const comment = commentOf(t);
  if (t.count === 0) return comment === undefined ? { kind: 'blank' } : { kind: 'comment', comment };
  const result = parse(line, EVERY_PROBLEM);
  keep(result);
  const { document, findings } = result;
  if (findings.some((f) => f.code === 'syntax-error') || document.statements.length !== 1) return { kind: 'raw', text: line };
  const s = document.statements[0];
  const all = (from: number, to = t.count) => joinTokens(t, from, to);
  const rest = (from: number) => t.text.slice(from, t.codeEnd).trim();
  switch (s.kind) {
    case 'segment': return { ...segmentLayout(t, s.old), comment };
    case 'action': case 'deliver': {
      const arrow = findPunct(t, 0, '=>');
      return { kind: 'event', head: all(0, arrow), assertions: arrow < t.count ? '=> ' + all(arrow + 1) : undefined, comment };
    }
    case 'title': {
      const text = rest(t.end[0]);
      return { kind: 'plain', code: text ? `${t.tokenText(0)} ${text}` : t.tokenText(0), comment };
    }
    case 'section': {
      const last = t.count - 1;
      const closed = last > 0 && t.isPunct(last, '==');
      const name = t.text.slice(t.end[0], closed ? t.start[last] : t.codeEnd).trim();
      return { kind: 'plain', code: name ? `== ${name} ==` : '== ==', comment };
    }
    case 'note': {
      const colon = findPunct(t, 1, ':');
      const text = rest(t.end[colon]);
      return { kind: 'plain', code: `${all(0, colon)}:${text ? ' ' + text : ''}`, comment };
    }
    case 'endpoint': {
      if (!s.labelRange) return { kind: 'plain', code: all(0), comment };
      const labelAt = s.labelRange.start.character;
      let k = 0;
      while (k < t.count && t.start[k] < labelAt) k++;
      const quoted = k < t.count && t.start[k] === labelAt && t.kind[k] === Tok.String;
      const label = quoted ? all(k, k + 1) : t.text.slice(labelAt, s.labelRange.end.character);
      const after = quoted && k + 1 < t.count ? ' ' + all(k + 1) : '';
      return { kind: 'plain', code: `${all(0, k)} ${label}${after}`, comment };
    }
    case 'expect': case 'exercise': return { kind: 'plain', code: all(0), comment };
  }
}

function commentOf(t: LineTokens): string | undefined {
  const at = t.codeEnd;
  if (t.text.startsWith('#', at) || t.text.startsWith('//', at)) return t.text.slice(at).trimEnd();
  if (t.text.startsWith('\uff03', at)) return '#' + t.text.slice(at + 1).trimEnd(); // ＃ written as #
  return undefined;
}

function findPunct(t: LineTokens, from: number, p: string): number {
  let i = from;
  while (i < t.count && !t.isPunct(i, p)) i++;
  return i;
}

/** `[old] SRC ARROW DST [:] FLAGS FIELDS [=> ASSERTIONS]`, split the way the parser reads it. */
function segmentLayout(t: LineTokens, old: boolean): Extract<Layout, { kind: 'segment' }> {
  const b = old ? 1 : 0;
  let i = t.isPunct(b + 1, '-') ? b + 3 : b + 2;
  const arrow = t.code.slice(t.start[b + 1], t.end[i - 1]);
  let dst = t.tokenText(i++);
  if (t.isPunct(i, ':')) { dst += ':'; i++; }
  const flagsStart = i;
  while (i < t.count && !t.isPunct(i, '=>') && !isFieldStart(t, i)) i++;
  const flags = joinTokens(t, flagsStart, i);
  const fields: FieldText[] = [];
  while (i < t.count && !t.isPunct(i, '=>')) {
    // the parser has reported anything but a field here (the line is then left as it is)
    const name = t.tokenText(i);
    const j = i + 2;
    i = Math.max(fieldValueEnd(t, j), j);
    const value = j < i ? valueText(t, j, i) : '';
    // keep a space where joining would make a new token (`seq= >` must not become `seq=>`)
    fields.push({ name: name.toLowerCase(), text: `${name}=${/^[>=]/.test(value) ? ' ' : ''}${value}` });
  }
  const assertions = i < t.count ? '=> ' + joinTokens(t, i + 1, t.count) : undefined;
  return { kind: 'segment', src: old ? `${t.tokenText(0)} ${t.tokenText(1)}` : t.tokenText(0), arrow, dst, flags, fields, assertions };
}

/** A value as written (`x + 1` keeps a space where it has white space), with full-width punctuation in ASCII and strings in straight quotes. */
function valueText(t: LineTokens, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    if (k > from && t.end[k - 1] !== t.start[k]) out += ' ';
    out += tokenOut(t, k);
  }
  return out;
}

/** Token k as the formatter writes it: punctuation in its ASCII form, a string opened with `“` in straight quotes. */
function tokenOut(t: LineTokens, k: number): string {
  if (t.kind[k] === Tok.String) {
    const text = t.tokenText(k);
    if (text.charCodeAt(0) !== 0x201c) return text;
    const inner = t.closed[k] ? text.slice(1, -1) : text.slice(1);
    return `"${inner}${t.closed[k] ? '"' : ''}`;
  }
  return t.kind[k] === Tok.Punct ? t.codeText(k) : t.tokenText(k);
}

const TIGHT = new Set(['+', '|', '/', '=']);
const SPACE_AFTER = new Set([',', ';', ':']);

/**
 * Tokens from..to-1 with normalised spacing: tokens that touch keep touching (`S.`, `SYN-SENT`, `x+1`);
 * no space around `+ | / =`, none before and one after `, ; :`, one space elsewhere.
 */
function joinTokens(t: LineTokens, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const tok = tokenOut(t, k);
    if (k > from) {
      const prev = t.codeText(k - 1);
      const punct = t.kind[k] === Tok.Punct;
      const prevPunct = t.kind[k - 1] === Tok.Punct;
      if (punct && (SPACE_AFTER.has(tok) || TIGHT.has(tok))) { /* tight before */ }
      else if (prevPunct && SPACE_AFTER.has(prev)) out += ' ';
      else if (prevPunct && TIGHT.has(prev)) { /* tight after */ }
      else if (t.end[k - 1] !== t.start[k]) out += ' ';
    }
    out += tok;
  }
  return out;
}

// ---- a block --------------------------------------------------------------------------------

const FIELD_ORDER = ['seq', 'ack', 'len', 'data', 'win', 'id'];

/**
 * The field columns of a block: one per field name (in the order seq ack len data win id) when every
 * line writes its fields in that order, else one per position (the k-th field of each line).
 */
function fieldColumns(segments: Extract<Layout, { kind: 'segment' }>[]): (fields: FieldText[]) => string[] {
  const named = segments.every((l) => l.fields.every((f, k) => FIELD_ORDER.indexOf(f.name) > (k ? FIELD_ORDER.indexOf(l.fields[k - 1].name) : -1)));
  const widths = new Map<string | number, number>();
  const keyed = (fields: FieldText[]) => fields.map((f, k) => [named ? f.name : k, f.text] as const);
  for (const l of segments) for (const [key, text] of keyed(l.fields)) widths.set(key, Math.max(widths.get(key) ?? 0, width(text)));
  const keys = named ? FIELD_ORDER.filter((n) => widths.has(n)) : [...widths.keys()];
  return (fields) => {
    const byKey = new Map(keyed(fields));
    let last = keys.length - 1;
    while (last >= 0 && !byKey.has(keys[last])) last--;
    return keys.slice(0, last + 1).map((k) => pad(byKey.get(k) ?? '', widths.get(k)!));
  };
}

function renderBlock(layouts: Layout[], start: number, end: number, out: string[]): void {
  let srcW = 0, dstW = 0, flagsW = 0;
  const segments: Extract<Layout, { kind: 'segment' }>[] = [];
  for (let i = start; i < end; i++) {
    const l = layouts[i];
    if (l.kind !== 'segment') continue;
    srcW = Math.max(srcW, width(l.src));
    dstW = Math.max(dstW, width(l.dst));
    flagsW = Math.max(flagsW, width(l.flags));
    segments.push(l);
  }
  const columns = fieldColumns(segments);
  const code: string[] = [];
  let assertColumn = 0;
  for (let i = start; i < end; i++) {
    const l = layouts[i];
    let head = '';
    if (l.kind === 'segment') {
      head = [pad(l.src, srcW), l.arrow, pad(l.dst, dstW), pad(l.flags, flagsW), ...columns(l.fields)].join(' ').trimEnd();
    } else if (l.kind === 'event') head = l.head;
    else if (l.kind === 'plain') head = l.code;
    code[i - start] = head;
    if ((l.kind === 'segment' || l.kind === 'event') && l.assertions) assertColumn = Math.max(assertColumn, width(head) + 2);
  }
  for (let i = start; i < end; i++) {
    const l = layouts[i];
    if ((l.kind === 'segment' || l.kind === 'event') && l.assertions) code[i - start] = pad(code[i - start], assertColumn) + l.assertions;
  }
  // trailing comments: aligned over each run of consecutive lines that have code and a comment
  let i = start;
  while (i < end) {
    const l = layouts[i];
    if (l.kind === 'blank') { out[i] = ''; i++; continue; }
    if (l.kind === 'raw') { out[i] = l.text; i++; continue; }
    if (l.kind === 'comment') { out[i] = l.comment; i++; continue; }
    if (l.comment === undefined) { out[i] = code[i - start]; i++; continue; }
    let j = i;
    let column = 0;
    while (j < end && hasCodeAndComment(layouts[j])) { column = Math.max(column, width(code[j - start]) + 2); j++; }
    for (let k = i; k < j; k++) out[k] = pad(code[k - start], column) + (layouts[k] as { comment: string }).comment;
    i = j;
  }
}

function hasCodeAndComment(l: Layout): boolean {
  return (l.kind === 'segment' || l.kind === 'event' || l.kind === 'plain') && l.comment !== undefined;
}

function pad(s: string, w: number): string {
  const n = w - width(s);
  return n > 0 ? s + ' '.repeat(n) : s;
}

/** Columns a string takes in a monospaced editor: wide East Asian characters and emoji count 2, combining marks 0. */
export function width(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x300) { n++; continue; }
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x20d0 && c <= 0x20ff)) continue;
    if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)) { n += 2; continue; }
    n++;
  }
  return n;
}

// ---- the safety net -------------------------------------------------------------------------

/** What a line means to the parser: its statement and findings, without positions. */
function meaning({ document, findings }: ParseResult): string {
  return JSON.stringify([document.statements.map(statementMeaning), findings.map((f) => [f.code, f.params ?? null, f.severity ?? null])]);
}

/** Full-width punctuation and curly quotes in their ASCII form, as the parser reads them. */
function ascii(text: string): string {
  return text.replace(/[：，＝＋＃？“”]/g, (c) => FULL_WIDTH[c]);
}
const FULL_WIDTH: Record<string, string> = { '：': ':', '，': ',', '＝': '=', '＋': '+', '＃': '#', '？': '?', '“': '"', '”': '"' };

function statementMeaning(s: Statement): unknown[] {
  const expr = (e?: Expr) => e && [e.text.replace(/\s+/g, ' '), e.symbol, e.offset];
  const asserted = (list: Assertion[]) => list.map((a) => [a.endpoint.name, a.state.text, a.state.state]);
  switch (s.kind) {
    case 'segment': return [s.kind, s.old, s.src.name, s.arrow, s.dst.name, s.flags, s.flagTokens.map((f) => [f.text, f.flags, f.known]),
      s.fields.map((f) => [f.name, ascii(f.valueText).replace(/\s+/g, ' ')]), expr(s.seq), expr(s.ack), s.len, s.data, s.win, s.id?.name, asserted(s.assertions), s.unusable, s.blanks];
    case 'title': return [s.kind, s.text];
    case 'endpoint': return [s.kind, s.name.name, s.initial?.text, s.initial?.state, s.label, expr(s.snd), expr(s.rcv), s.win];
    case 'expect': return [s.kind, asserted(s.assertions)];
    case 'action': return [s.kind, s.endpoint.name, s.action, asserted(s.assertions)];
    case 'deliver': return [s.kind, s.ids.map((i) => i.name), asserted(s.assertions)];
    case 'section': return [s.kind, s.name];
    case 'note': return [s.kind, s.endpoint?.name, s.text];
    case 'exercise': return [s.kind, s.mode, s.title];
  }
}
