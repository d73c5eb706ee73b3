// `[old] SRC ARROW DST [:] FLAGS [FIELD ...] [=> ASSERTIONS]` (contract 2.3), read as 4.5 says: a line
// that cannot run gets only its first problem; a line that runs gets every problem, each on its own words.
import type { Finding } from '../diagnostics.ts';
import { LineTokens, Tok, utf8Length } from './lexer.ts';
import { ExprNode, FieldNode, FlagTokenNode, NameNode, rangeOf } from './nodes.ts';
import { countValue, evalExpr, exprEnd, exprValue, isFieldStart, makeFinding, parseAssertions, report, type LineSink } from './parseCommon.ts';
import { classifyFlagWord, flagSuggestion } from './flagWords.ts';
import { nearest } from '../suggest.ts';
import type { Arrow, Assertion, BlankKind, FieldName, FlagName, NameRef, Range, SegmentStatement } from './syntax.ts';

export const FLAG_ORDER: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];
const FLAG_BIT = Object.fromEntries(FLAG_ORDER.map((f, i) => [f, 1 << i])) as Record<FlagName, number>;
const FLAG_SETS = new Map<number, FlagName[]>();
/** Flag words already read (`SYN`, `S.`, `[S.]`, `ack`), with their flags. */
const FLAG_WORDS = new Map<string, FlagName[]>();
/** The canonical flag list of a bit set (shared, frozen arrays: segments rarely differ). */
function flagsOf(mask: number): FlagName[] {
  let list = FLAG_SETS.get(mask);
  if (!list) { list = Object.freeze(FLAG_ORDER.filter((f) => mask & FLAG_BIT[f])) as FlagName[]; FLAG_SETS.set(mask, list); }
  return list;
}
const FIELD_NAMES: readonly FieldName[] = ['seq', 'ack', 'len', 'data', 'win', 'id'];
const FIELD_BIT: Record<string, number> = { seq: 1, ack: 2, len: 4, data: 8, win: 16, id: 32 };
const FIELD_LOWER = new Map<string, string>(FIELD_NAMES.map((f) => [f, f]));
const FIELD_EXAMPLE: Record<string, string> = { seq: 'seq=x+1', ack: 'ack=y+1', len: 'len=100', data: 'data="hello"', win: 'win=65535', id: 'id=syn1' };

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
  unsureFlags = false;
  blanks: BlankKind[] = NO_BLANKS;
  /** Flag words written (known or not, a flags blank included). */
  flagWords = 0;
  /** Columns: flags. */
  fs: number;
  fe: number;
  constructor(private readonly lineText: string, readonly line: number, readonly s: number, readonly e: number, readonly old: boolean,
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
    parseSegment(detailTokens, { findings: [], blanks: [] }, seg.old ? 1 : 0, d);
    detailCache.set(seg, d);
  }
  return d;
}

/** Reads a segment whose SRC is token `b` (1 after `old`, else 0) and whose arrow follows it. */
export function parseSegment(t: LineTokens, sink: LineSink, b: number, detail?: Details): SegmentNode {
  const line = t.line;
  const findings = sink.findings;
  const mark = findings.length;
  const a = b + 1;
  let arrow: Arrow;
  let i: number;
  if (t.isPunct(a, '-')) { arrow = '-x'; i = a + 2; } else { arrow = t.isPunct(a, '->') ? '->' : '~>'; i = a + 1; }
  const arrowEnd = t.end[i - 1];
  const hasDst = t.isWord(i);
  const dstAt = i;
  let dstName = '';
  let dstS = arrowEnd;
  let dstE = arrowEnd;
  if (hasDst) { dstName = t.internedText(i); dstS = t.start[i]; dstE = t.end[i]; i++; }
  if (t.isPunct(i, ':')) i++;

  const seg = new SegmentNode(t.text, line, t.start[0], t.end[t.count - 1], b === 1, t.internedText(b), t.start[b], t.end[b],
    dstName, dstS, dstE, arrow, t.start[a], arrowEnd);
  seg.fs = seg.fe = t.end[i - 1];
  i = parseFlags(t, i, seg, sink, detail);
  i = parseFields(t, i, seg, sink, detail);
  const written = fieldsSeen;
  if (i < t.count && t.isPunct(i, '=>')) seg.assertions = parseAssertions(t, i + 1, sink) ?? NO_ASSERTIONS;

  // 4.5.1: the first problem that keeps the line from running, in the order DST, the same name, the flags
  const has = (f: FlagName) => seg.flags.includes(f);
  let first: Finding | undefined;
  if (!hasDst) {
    first = dstAt >= t.count
      ? makeFinding('syntax-error', line, t.start[0], arrowEnd, 'parser.segment.cutShort', { src: seg.srcName, arrow })
      : makeFinding('syntax-error', line, t.start[dstAt], t.end[dstAt], 'parser.segment.noDestination', { found: t.tokenText(dstAt) });
  } else if (dstName === seg.srcName) {
    first = makeFinding('self-segment', line, t.start[b], dstE, 'parser.segment.self', { endpoint: dstName });
  } else if (seg.blanks.includes('flags')) {
    // an exercise blank: the line waits for its answer, no finding (contract 9)
  } else if (seg.flagWords === 0) {
    first = makeFinding('invalid-flags', line, seg.s, seg.e, 'parser.flags.none');
  } else if (has('SYN') && (has('FIN') || has('RST'))) {
    first = makeFinding('invalid-flags', line, seg.fs, seg.fe, 'parser.flags.synWith', { other: has('FIN') ? 'FIN' : 'RST', found: seg.flags.join('+') });
  } else if (seg.flags.length === 0) {
    first = findings[mark]; // only unknown flag words: the first one, reported by parseFlags
  }
  if (first) {
    seg.unusable = true;
    if (!sink.everyProblem) findings.length = mark;
    if (findings[mark] !== first) findings.push(first);
    return seg;
  }
  if (seg.blanks.includes('flags')) seg.unusable = true;
  if (arrow === '~>' && !seg.id) report(sink, 'id-required', line, seg.as, seg.ae, 'parser.segment.idRequired');
  if (seg.old) {
    // 2.3 / 4.5.7: an old duplicate's numbers come from an earlier connection; they must be written
    const noSeq = !(written & FIELD_BIT.seq);
    const noAck = has('ACK') && !(written & FIELD_BIT.ack);
    if (noSeq || noAck) report(sink, 'syntax-error', line, t.start[0], t.end[0], noSeq && noAck ? 'parser.old.missingSeqAck' : noSeq ? 'parser.old.missingSeq' : 'parser.old.missingAck');
  }
  return seg;
}

const isSeparator = (t: LineTokens, i: number) => t.isPunct(i, '+') || t.isPunct(i, ',') || t.isPunct(i, '|') || t.isPunct(i, '/');
/** Tokens that stay in one flag word when they touch: `S.`, `FP.`, `SYN-ACK`, `[S.]`. */
const joins = (t: LineTokens, k: number) => t.kind[k] === Tok.Word || t.kind[k] === Tok.Number || t.isPunct(k, '.') || t.isPunct(k, '-');

/** The last token of the flag word that starts at token s. */
function flagWordEnd(t: LineTokens, s: number): number {
  let k = s;
  if (t.isPunct(k, '[')) {
    while (t.adjacent(k) && joins(t, k + 1)) k++;
    if (t.adjacent(k) && t.isPunct(k + 1, ']')) k++;
    return k;
  }
  if (t.kind[k] !== Tok.Punct || t.isPunct(k, '.')) {
    while (t.adjacent(k) && joins(t, k + 1)) k++;
    if (t.adjacent(k) && t.isPunct(k + 1, ']')) k++;
  }
  return k;
}

function parseFlags(t: LineTokens, i: number, seg: SegmentNode, sink: LineSink, detail?: Details): number {
  const line = t.line;
  let mask = 0;
  let first = -1;
  let last = -1;
  let blankAt = -1;
  while (i < t.count && !t.isPunct(i, '=>') && !isFieldStart(t, i)) {
    if (isSeparator(t, i)) { i++; continue; }
    const s = i;
    if (t.isPunct(i, '?')) blankAt = i;
    else i = flagWordEnd(t, i);
    const text = t.intern(t.start[s], t.end[i]);
    let flags = blankAt === s ? NO_FLAGS : FLAG_WORDS.get(text);
    if (!flags) {
      flags = classifyFlagWord(text);
      if (flags) FLAG_WORDS.set(text, flags);
    }
    if (!flags) {
      seg.unsureFlags = true;
      const hint = flagSuggestion(text);
      const params: Record<string, string> = hint.suggestion ? { found: text, suggestion: hint.suggestion } : { found: text };
      report(sink, 'unknown-flag', line, t.start[s], t.end[i], hint.id, params);
    } else for (const f of flags) mask |= FLAG_BIT[f];
    seg.flagWords++;
    if (detail) detail.flagTokens.push(new FlagTokenNode(text, flags ?? NO_FLAGS, flags !== undefined, line, t.start[s], t.end[i]));
    if (first < 0) first = s;
    last = i;
    i++;
  }
  if (blankAt >= 0) {
    if (seg.flagWords === 1 && mask === 0) {
      seg.blanks = ['flags'];
      sink.blanks.push({ kind: 'flags', line, range: rangeOf(line, t.start[blankAt], t.end[blankAt]), endpoint: seg.srcName });
    } else {
      // `?` among flags: not a blank (a flags blank stands alone)
      seg.unsureFlags = true;
      report(sink, 'unknown-flag', line, t.start[blankAt], t.end[blankAt], 'parser.flags.blankAlone', { found: '?' });
    }
  }
  seg.flags = flagsOf(mask);
  if (first >= 0) { seg.fs = t.start[first]; seg.fe = t.end[last]; }
  return i;
}

/** The fields written on the last segment read (bits of FIELD_BIT), whatever their values. */
let fieldsSeen = 0;

function addBlank(seg: SegmentNode, kind: BlankKind, t: LineTokens, j: number, sink: LineSink): void {
  seg.blanks = seg.blanks === NO_BLANKS ? [kind] : [...seg.blanks, kind];
  sink.blanks.push({ kind, line: t.line, range: rangeOf(t.line, t.start[j], t.end[j]), endpoint: seg.srcName });
}

/** A word that is no field, after the fields: a syntax error on that word alone (4.5.2). Returns the next token. */
function strayWord(t: LineTokens, i: number, sink: LineSink): number {
  let k = i;
  while (t.adjacent(k) && !t.isPunct(k + 1, '=>') && !isFieldStart(t, k + 1)) k++;
  const word = t.text.slice(t.start[i], t.end[k]);
  const isFlag = classifyFlagWord(word) !== undefined;
  report(sink, 'syntax-error', t.line, t.start[i], t.end[k], isFlag ? 'parser.field.strayFlag' : 'parser.field.stray', { found: word });
  return k + 1;
}

function parseFields(t: LineTokens, i: number, seg: SegmentNode, sink: LineSink, detail?: Details): number {
  const line = t.line;
  let seen = 0;
  while (i < t.count && !t.isPunct(i, '=>')) {
    if (!isFieldStart(t, i)) { i = strayWord(t, i, sink); continue; }
    const nameText = t.internedText(i);
    const name = (FIELD_LOWER.get(nameText) ?? nameText.toLowerCase()) as FieldName;
    const bit = FIELD_BIT[name] ?? 0;
    const ns = t.start[i];
    const ne = t.end[i];
    const j = i + 2;
    const end = fieldValueEnd(t, j);
    const vs = end > j ? t.start[j] : t.end[i + 1];
    const ve = end > j ? t.end[end - 1] : t.end[i + 1];
    i = end;
    if (!bit) {
      const suggestion = nearest(nameText, FIELD_NAMES);
      if (suggestion) report(sink, 'syntax-error', line, ns, ne, 'parser.field.unknownSuggest', { found: nameText, suggestion });
      else report(sink, 'syntax-error', line, ns, ne, 'parser.field.unknown', { found: nameText });
      continue;
    }
    if (seen & bit || (name === 'len' && seen & FIELD_BIT.data) || (name === 'data' && seen & FIELD_BIT.len)) {
      report(sink, 'duplicate-field', line, ns, ve, seen & bit ? 'parser.field.duplicate' : 'parser.field.dataAndLen', { field: name });
      continue;
    }
    seen |= bit;
    if (detail) detail.fields.push(new FieldNode(name, t.text, line, ns, ne, vs, ve));
    if (end === j) { report(sink, 'syntax-error', line, ns, ve, 'parser.field.noValue', { field: name, example: FIELD_EXAMPLE[name] }); continue; }
    if (t.isPunct(j, '?')) {
      if (name === 'seq' || name === 'ack' || name === 'len' || name === 'win') addBlank(seg, name, t, j, sink);
      else report(sink, 'syntax-error', line, vs, ve, 'parser.blank.notHere', { field: name });
      continue;
    }
    switch (name) {
      case 'seq': case 'ack': {
        if (!evalExpr(t, j, end, sink)) break;
        const sym = exprValue.symbol;
        const symbol = sym >= 0 ? t.internedText(sym) : undefined;
        if (name === 'seq') { seg.hasSeq = true; seg.seqSym = symbol; seg.seqOff = exprValue.offset; } else { seg.hasAck = true; seg.ackSym = symbol; seg.ackOff = exprValue.offset; }
        if (detail) {
          const e = new ExprNode(t.code, exprValue.offset, line, vs, ve);
          if (sym >= 0) { e.symbol = symbol; e.ss = t.start[sym]; e.se = t.end[sym]; }
          detail[name] = e;
        }
        break;
      }
      case 'len': case 'win': {
        const n = countValue(t, j, end, name, sink);
        if (n !== undefined) { if (name === 'len') seg.len = n; else seg.win = n; }
        break;
      }
      case 'data':
        if (t.kind[j] !== Tok.String) { report(sink, 'syntax-error', line, vs, ve, 'parser.data.notQuoted', { found: t.text.slice(vs, ve) }); break; }
        if (!t.closed[j]) { report(sink, 'syntax-error', line, vs, ve, 'parser.data.unclosed'); break; }
        seg.data = t.strings[j] ?? '';
        seg.len = utf8Length(seg.data);
        break;
      case 'id':
        if (end !== j + 1 || !isIdToken(t, j)) { report(sink, 'syntax-error', line, vs, ve, 'parser.id.notName', { found: t.text.slice(vs, ve) }); break; }
        seg.id = new NameNode(t.internedText(j), line, t.start[j], t.end[j]);
        break;
    }
  }
  fieldsSeen = seen;
  return i;
}

/**
 * The end (exclusive) of the value of a field whose value starts at token j: `?`, a string, or a maximal
 * EXPR (4.5.2); when no value starts there, the touching tokens are the (bad) value; j when there is none.
 */
export function fieldValueEnd(t: LineTokens, j: number): number {
  if (t.isPunct(j, '?') || (j < t.count && t.kind[j] === Tok.String)) return j + 1;
  let end = exprEnd(t, j);
  if (end === j && j < t.count && !t.isPunct(j, '=>') && !isFieldStart(t, j)) {
    while (t.adjacent(end) && !t.isPunct(end + 1, '=>') && !isFieldStart(t, end + 1)) end++;
    end++;
  }
  return end;
}

/** A segment id: a name, or (as in v1 files) a decimal number such as `1`. */
export function isIdToken(t: LineTokens, j: number): boolean {
  if (t.kind[j] === Tok.Word) return true;
  if (t.kind[j] !== Tok.Number) return false;
  for (let k = t.start[j]; k < t.end[j]; k++) { const c = t.text.charCodeAt(k); if (c < 48 || c > 57) return false; }
  return true;
}
