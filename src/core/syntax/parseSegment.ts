// `SRC ARROW DST [:] FLAGS [FIELD ...] [=> ASSERTIONS]` (contract 2.3).
import type { Finding } from '../diagnostics.ts';
import { LineTokens, Tok, utf8Length } from './lexer.ts';
import { ExprNode, FieldNode, FlagTokenNode, NameNode, rangeOf } from './nodes.ts';
import { parseAssertions, range } from './parseCommon.ts';
import { nearest } from '../suggest.ts';
import type { Arrow, Assertion, BlankKind, FieldName, FlagName, NameRef, Range, SegmentStatement } from './syntax.ts';

export const FLAG_ORDER: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];
const LONG_FLAGS = new Set<string>(FLAG_ORDER);
const FLAG_BIT = Object.fromEntries(FLAG_ORDER.map((f, i) => [f, 1 << i])) as Record<FlagName, number>;
const FLAG_SETS = new Map<number, FlagName[]>();
/** Flag words already read (`SYN`, `S.`, `ack`), with their flags. */
const FLAG_WORDS = new Map<string, FlagName[]>();
/** The canonical flag list of a bit set (shared, frozen arrays: segments rarely differ). */
function flagsOf(mask: number): FlagName[] {
  let list = FLAG_SETS.get(mask);
  if (!list) { list = Object.freeze(FLAG_ORDER.filter((f) => mask & FLAG_BIT[f])) as FlagName[]; FLAG_SETS.set(mask, list); }
  return list;
}
const SHORT: Record<string, FlagName> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK' };
const FIELD_NAMES: readonly FieldName[] = ['seq', 'ack', 'len', 'data', 'win', 'id'];
const FIELD_BIT: Record<string, number> = { seq: 1, ack: 2, len: 4, data: 8, win: 16, id: 32 };
const FIELD_LOWER = new Map<string, string>(FIELD_NAMES.map((f) => [f, f]));
const MAX = 0xffff_ffff;

/**
 * A segment statement. It holds what the validator reads as plain values; ranges, names with their
 * places, flag words and fields are built when asked (the line is read again for the last two).
 */
export class SegmentNode implements SegmentStatement {
  readonly kind = 'segment';
  flags: FlagName[] = NO_FLAGS;
  /** seq and ack as plain values: written or not, the symbol, the constant. */
  hasSeq = false;
  seqSym?: string;
  seqOff = 0;
  hasAck = false;
  ackSym?: string;
  ackOff = 0;
  len = 0;
  data?: string;
  win?: number;
  id?: NameNode;
  assertions: Assertion[] = NO_ASSERTIONS;
  unusable = false;
  old = false;
  unsureFlags = false;
  blanks: BlankKind[] = NO_BLANKS;
  /** Flag words written (known or not). */
  flagWords = 0;
  /** Columns: flags. */
  fs: number;
  fe: number;
  constructor(private readonly lineText: string, readonly line: number, readonly s: number, readonly e: number,
    readonly srcName: string, private readonly srcS: number, private readonly srcE: number,
    readonly dstName: string, private readonly dstS: number, private readonly dstE: number,
    readonly arrow: Arrow, readonly as: number, readonly ae: number) { this.fs = this.fe = ae; }
  get src(): NameRef { return new NameNode(this.srcName, this.line, this.srcS, this.srcE); }
  get dst(): NameRef { return new NameNode(this.dstName, this.line, this.dstS, this.dstE); }
  get range(): Range { return rangeOf(this.line, this.s, this.e); }
  get arrowRange(): Range { return rangeOf(this.line, this.as, this.ae); }
  get flagsRange(): Range { return rangeOf(this.line, this.fs, this.fe); }
  get flagTokens(): FlagTokenNode[] { return details(this).flagTokens; }
  get fields(): FieldNode[] { return details(this).fields; }
  get seq(): ExprNode | undefined { return this.hasSeq ? details(this).seq : undefined; }
  get ack(): ExprNode | undefined { return this.hasAck ? details(this).ack : undefined; }
  /** The whole line, kept to read the details again. */
  get text(): string { return this.lineText; }
}
const NO_ASSERTIONS: Assertion[] = [];
const NO_FLAGS: FlagName[] = [];
const NO_BLANKS: BlankKind[] = [];

interface Details { flagTokens: FlagTokenNode[]; fields: FieldNode[]; seq?: ExprNode; ack?: ExprNode }
const detailCache = new WeakMap<SegmentNode, Details>();
const detailTokens = new LineTokens();
/** Flag words and fields of a segment, read again from its line (only editors and formatters ask). */
function details(seg: SegmentNode): Details {
  let d = detailCache.get(seg);
  if (!d) {
    d = { flagTokens: [], fields: [] };
    detailTokens.tokenize(seg.text, seg.line);
    parseSegment(detailTokens, [], d);
    detailCache.set(seg, d);
  }
  return d;
}

export function parseSegment(t: LineTokens, findings: Finding[], detail?: Details): SegmentStatement {
  const line = t.line;
  const r = (s: number, e: number) => range(line, s, e);
  let arrow: Arrow;
  let i: number;
  if (t.isPunct(1, '-')) { arrow = '-x'; i = 3; } else { arrow = t.isPunct(1, '->') ? '->' : '~>'; i = 2; }
  const arrowEnd = t.end[i - 1];
  let dstName = '';
  let dstS = arrowEnd;
  let dstE = arrowEnd;
  if (t.isWord(i)) { dstName = t.internedText(i); dstS = t.start[i]; dstE = t.end[i]; i++; }
  else findings.push({ code: 'syntax-error', range: r(t.start[1], arrowEnd), message: 'expected the receiving endpoint after the arrow, as in `client -> server: SYN`' });
  if (t.isPunct(i, ':')) i++;

  const seg = new SegmentNode(t.text, line, t.start[0], t.end[t.count - 1], t.internedText(0), t.start[0], t.end[0], dstName, dstS, dstE, arrow, t.start[1], arrowEnd);
  seg.fs = seg.fe = t.end[i - 1];
  i = parseFlags(t, i, seg, findings, detail);
  i = parseFields(t, i, seg, findings, detail);
  if (i < t.count && t.isPunct(i, '=>')) seg.assertions = parseAssertions(t, i + 1, findings) ?? [];

  const has = (f: FlagName) => seg.flags.includes(f);
  if (seg.flagWords === 0) {
    findings.push({ code: 'invalid-flags', range: seg.fs === seg.fe ? seg.range : seg.flagsRange, message: 'a segment needs at least one flag (SYN, ACK, FIN, RST, PSH, ...)' });
    seg.unusable = true;
  } else if (seg.flags.length === 0) {
    seg.unusable = true; // only unknown flags: already reported
  } else if (has('SYN') && (has('FIN') || has('RST'))) {
    findings.push({ code: 'invalid-flags', range: seg.flagsRange, message: `SYN cannot be combined with ${has('FIN') ? 'FIN' : 'RST'}; found ${seg.flags.join('+')}`, params: { found: seg.flags.join('+') } });
    seg.unusable = true;
  }
  if (arrow === '~>' && !seg.id) {
    findings.push({ code: 'id-required', range: seg.arrowRange, message: 'an in-flight segment (`~>`) needs `id=NAME` so a later `deliver NAME` can deliver it' });
  }
  if (dstName && dstName === seg.srcName) {
    findings.push({ code: 'self-segment', range: r(seg.s, dstE), message: `a segment goes from one endpoint to the other; found ${dstName} to itself`, params: { endpoint: dstName } });
    seg.unusable = true;
  }
  return seg;
}

function isFieldStart(t: LineTokens, i: number): boolean { return t.isWord(i) && t.isPunct(i + 1, '='); }

function parseFlags(t: LineTokens, i: number, seg: SegmentNode, findings: Finding[], detail?: Details): number {
  const line = t.line;
  let mask = 0;
  let first = -1;
  let last = -1;
  while (i < t.count && !t.isPunct(i, '=>') && !isFieldStart(t, i)) {
    if (t.isPunct(i, '+') || t.isPunct(i, ',') || t.isPunct(i, '|') || t.isPunct(i, '/')) { i++; continue; }
    const s = i;
    while (t.adjacent(i) && (t.kind[i + 1] === Tok.Word || t.kind[i + 1] === Tok.Number || t.isPunct(i + 1, '.'))) i++;
    const text = t.intern(t.start[s], t.end[i]);
    let flags = FLAG_WORDS.get(text);
    let known = true;
    if (!flags) {
      const upper = text.toUpperCase();
      flags = [];
      if (LONG_FLAGS.has(upper)) flags.push(upper as FlagName);
      else if (/^[SFRP]*\.?$/.test(upper)) for (const ch of upper) flags.push(SHORT[ch]);
      else known = false;
      if (known) FLAG_WORDS.set(text, flags);
    }
    if (!known) {
      const suggestion = nearest(text.toUpperCase(), FLAG_ORDER);
      findings.push({
        code: 'unknown-flag', range: range(line, t.start[s], t.end[i]),
        message: `unknown flag \`${text}\`${suggestion ? `; did you mean ${suggestion}?` : ''} (flags: ${FLAG_ORDER.join(' ')}, or packetdrill's S F R P .)`,
        params: suggestion ? { found: text, suggestion } : { found: text },
      });
    }
    for (const f of flags) mask |= FLAG_BIT[f];
    seg.flagWords++;
    if (detail) detail.flagTokens.push(new FlagTokenNode(text, flags, known, line, t.start[s], t.end[i]));
    if (first < 0) first = s;
    last = i;
    i++;
  }
  seg.flags = flagsOf(mask);
  if (first >= 0) { seg.fs = t.start[first]; seg.fe = t.end[last]; }
  return i;
}

function parseFields(t: LineTokens, i: number, seg: SegmentNode, findings: Finding[], detail?: Details): number {
  const line = t.line;
  let seen = 0;
  while (i < t.count && !t.isPunct(i, '=>')) {
    if (!isFieldStart(t, i)) {
      findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.end[i]), message: `expected a field (seq=, ack=, len=, data=, win=, id=) or \`=>\`; found \`${t.tokenText(i)}\`` });
      i++;
      continue;
    }
    const nameText = t.internedText(i);
    const name = (FIELD_LOWER.get(nameText) ?? nameText.toLowerCase()) as FieldName;
    const bit = FIELD_BIT[name] ?? 0;
    const nameStart = t.start[i];
    const j = i + 2;
    let end = j;
    while (end < t.count && !t.isPunct(end, '=>') && !isFieldStart(t, end)) end++;
    const vs = j < t.count ? t.start[j] : t.end[i + 1];
    const ve = end > j ? t.end[end - 1] : t.end[i + 1];
    const valueRange = range(line, vs, ve);
    i = end;
    if (!bit) {
      const suggestion = nearest(nameText, FIELD_NAMES);
      findings.push({ code: 'syntax-error', range: range(line, nameStart, nameStart + nameText.length), message: `unknown field \`${nameText}\`${suggestion ? `; did you mean ${suggestion}=?` : ''} (fields: ${FIELD_NAMES.join(', ')})`, params: suggestion ? { found: nameText, suggestion } : { found: nameText } });
      continue;
    }
    if (seen & bit || (name === 'len' && seen & FIELD_BIT.data) || (name === 'data' && seen & FIELD_BIT.len)) {
      const what = seen & bit ? `\`${name}\` is given twice` : '`data` and `len` both give the payload; keep one';
      findings.push({ code: 'duplicate-field', range: range(line, nameStart, ve), message: what, params: { field: name } });
      continue;
    }
    seen |= bit;
    if (detail) detail.fields.push(new FieldNode(name, t.text, line, nameStart, nameStart + nameText.length, vs, ve));
    if (j >= end) {
      findings.push({ code: 'syntax-error', range: range(line, nameStart, ve), message: `expected a value after \`${name}=\`` });
      continue;
    }
    switch (name) {
      case 'seq': case 'ack': {
        const e = parseExpr(t, j, end, findings);
        if (!e) break;
        if (name === 'seq') { seg.hasSeq = true; seg.seqSym = e.symbol; seg.seqOff = e.offset; } else { seg.hasAck = true; seg.ackSym = e.symbol; seg.ackOff = e.offset; }
        if (detail) detail[name] = e;
        break;
      }
      case 'len': case 'win': {
        const n = parseCount(t, j, end, name, findings);
        if (n !== undefined) { if (name === 'len') seg.len = n; else seg.win = n; }
        break;
      }
      case 'data':
        if (t.kind[j] !== Tok.String) { findings.push({ code: 'syntax-error', range: valueRange, message: 'data is quoted text, as in `data="GET / HTTP/1.1"`' }); break; }
        if (!t.closed[j]) findings.push({ code: 'syntax-error', range: valueRange, message: 'the data text has no closing quote `"`' });
        seg.data = t.strings[j] ?? '';
        seg.len = utf8Length(seg.data);
        trailing(t, j + 1, end, findings);
        break;
      case 'id':
        if (t.kind[j] !== Tok.Word && t.kind[j] !== Tok.Number) { findings.push({ code: 'syntax-error', range: valueRange, message: 'an id is a name, as in `id=syn1`' }); break; }
        seg.id = new NameNode(t.internedText(j), line, t.start[j], t.end[j]);
        trailing(t, j + 1, end, findings);
        break;
    }
  }
  return i;
}

function trailing(t: LineTokens, from: number, end: number, findings: Finding[]): void {
  if (from < end) findings.push({ code: 'syntax-error', range: range(t.line, t.start[from], t.end[end - 1]), message: `unexpected \`${t.text.slice(t.start[from], t.end[end - 1])}\`` });
}

/** A decimal or 0x hex number, or undefined when the text is not one. May exceed 2^32-1. */
export function numberValue(text: string): number | undefined {
  const n = text.length;
  if (n > 2 && text.charCodeAt(0) === 48 && (text.charCodeAt(1) | 32) === 120) {
    for (let i = 2; i < n; i++) { const c = text.charCodeAt(i) | 32; if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined; }
    return Number(text);
  }
  let v = 0;
  for (let i = 0; i < n; i++) { const c = text.charCodeAt(i); if (c < 48 || c > 57) return undefined; v = v * 10 + (c - 48); }
  return n > 0 ? v : undefined;
}

function parseCount(t: LineTokens, j: number, end: number, name: string, findings: Finding[]): number | undefined {
  const valueRange = range(t.line, t.start[j], t.end[end - 1]);
  if (t.isPunct(j, '-')) {
    findings.push({ code: 'invalid-number', range: valueRange, message: `${name} cannot be negative; found ${t.text.slice(t.start[j], t.end[end - 1])}`, params: { field: name } });
    return undefined;
  }
  const n = t.kind[j] === Tok.Number ? numberValue(t.tokenText(j)) : undefined;
  if (n === undefined) { findings.push({ code: 'syntax-error', range: valueRange, message: `${name} is a number of octets, as in \`${name}=100\`; found \`${t.text.slice(t.start[j], t.end[end - 1])}\`` }); return undefined; }
  if (n > MAX) { findings.push({ code: 'invalid-number', range: valueRange, message: `${name} must be between 0 and 4294967295; found ${t.tokenText(j)}`, params: { field: name } }); return undefined; }
  trailing(t, j + 1, end, findings);
  return n;
}

/** EXPR: terms joined by + and -, at most one symbol, added, and no leading minus (contract 2.3). */
function parseExpr(t: LineTokens, j: number, end: number, findings: Finding[]): ExprNode | undefined {
  const line = t.line;
  let offset = 0;
  let symbol: string | undefined;
  let ss = -1;
  let sign = 1;
  let k = j;
  let bad: string | undefined;
  if (t.isPunct(k, '-')) { bad = 'a sequence number cannot be negative (no leading minus)'; }
  while (k < end && !bad) {
    if (k > j || t.isPunct(k, '+')) {
      if (t.isPunct(k, '+')) sign = 1; else if (t.isPunct(k, '-')) sign = -1; else break;
      k++;
      if (k >= end) { bad = `expected a number or a symbol after \`${sign > 0 ? '+' : '-'}\``; break; }
    }
    if (t.kind[k] === Tok.Number) {
      const n = numberValue(t.tokenText(k));
      if (n === undefined) { findings.push({ code: 'syntax-error', range: range(line, t.start[j], t.end[end - 1]), message: `\`${t.tokenText(k)}\` is not a number (decimal or 0x hex)` }); return undefined; }
      if (n > MAX) { bad = `${t.tokenText(k)} is outside 0..4294967295`; break; }
      offset = (offset + sign * n) >>> 0;
    } else if (t.kind[k] === Tok.Word) {
      if (symbol !== undefined) { bad = `at most one symbol in a value; found ${symbol} and ${t.tokenText(k)}`; break; }
      if (sign < 0) { bad = `a symbol can be added, not subtracted; found -${t.tokenText(k)}`; break; }
      symbol = t.internedText(k);
      ss = k;
    } else break;
    k++;
  }
  if (bad) {
    const text = t.text.slice(t.start[j], t.end[end - 1]);
    findings.push({ code: 'invalid-number', range: range(line, t.start[j], t.end[end - 1]), message: `${bad} (in \`${text}\`)`, params: { found: text } });
    return undefined;
  }
  if (k < end) {
    findings.push({ code: 'syntax-error', range: range(line, t.start[k], t.end[end - 1]), message: `unexpected \`${t.text.slice(t.start[k], t.end[end - 1])}\` in a value; write it like \`x+1\` or \`1001\`` });
    return undefined;
  }
  const e = new ExprNode(t.text, offset, line, t.start[j], t.end[k - 1]);
  if (symbol !== undefined) { e.symbol = symbol; e.ss = t.start[ss]; e.se = t.end[ss]; }
  return e;
}
