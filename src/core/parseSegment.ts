// `SRC ARROW DST [:] FLAGS [FIELD ...] [=> ASSERTIONS]` (contract 2.3).
import type { Finding } from './diagnostics.ts';
import { LineTokens, Tok, utf8Length } from './lexer.ts';
import { parseAssertions, range, statementRange } from './parseCommon.ts';
import { nearest } from './suggest.ts';
import type { Arrow, Expr, Field, FieldName, FlagName, FlagToken, SegmentStatement } from './syntax.ts';

export const FLAG_ORDER: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];
const LONG_FLAGS = new Set<string>(FLAG_ORDER);
const SHORT: Record<string, FlagName> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK' };
const FIELD_NAMES: readonly FieldName[] = ['seq', 'ack', 'len', 'data', 'win', 'id'];
const MAX = 0xffff_ffff;

export function parseSegment(t: LineTokens, findings: Finding[]): SegmentStatement {
  const line = t.line;
  const r = (s: number, e: number) => range(line, s, e);
  const src = { name: t.tokenText(0), range: r(t.start[0], t.end[0]) };
  let arrow: Arrow;
  let i: number;
  if (t.isPunct(1, '-')) { arrow = '-x'; i = 3; } else { arrow = t.isPunct(1, '->') ? '->' : '~>'; i = 2; }
  const arrowRange = r(t.start[1], t.end[i - 1]);
  let dst = { name: '', range: r(t.end[i - 1], t.end[i - 1]) };
  if (t.isWord(i)) { dst = { name: t.tokenText(i), range: r(t.start[i], t.end[i]) }; i++; }
  else findings.push({ code: 'syntax-error', range: arrowRange, message: 'expected the receiving endpoint after the arrow, as in `client -> server: SYN`' });
  if (t.isPunct(i, ':')) i++;

  const seg: SegmentStatement = {
    kind: 'segment', line, range: statementRange(t), src, dst, arrow, arrowRange,
    flags: [], flagTokens: [], flagsRange: r(t.end[i - 1], t.end[i - 1]), fields: [], len: 0, assertions: [], unusable: false,
  };
  i = parseFlags(t, i, seg, findings);
  i = parseFields(t, i, seg, findings);
  if (i < t.count && t.isPunct(i, '=>')) seg.assertions = parseAssertions(t, i + 1, findings) ?? [];

  const has = (f: FlagName) => seg.flags.includes(f);
  if (seg.flagTokens.length === 0) {
    findings.push({ code: 'invalid-flags', range: seg.flagsRange.start.character === seg.flagsRange.end.character ? seg.range : seg.flagsRange, message: 'a segment needs at least one flag (SYN, ACK, FIN, RST, PSH, ...)' });
    seg.unusable = true;
  } else if (seg.flags.length === 0) {
    seg.unusable = true; // only unknown flags: already reported
  } else if (has('SYN') && (has('FIN') || has('RST'))) {
    findings.push({ code: 'invalid-flags', range: seg.flagsRange, message: `SYN cannot be combined with ${has('FIN') ? 'FIN' : 'RST'}; found ${seg.flags.join('+')}`, params: { found: seg.flags.join('+') } });
    seg.unusable = true;
  }
  if (arrow === '~>' && !seg.id) {
    findings.push({ code: 'id-required', range: arrowRange, message: 'an in-flight segment (`~>`) needs `id=NAME` so a later `deliver NAME` can deliver it' });
  }
  if (dst.name && dst.name === src.name) {
    findings.push({ code: 'self-segment', range: r(src.range.start.character, dst.range.end.character), message: `a segment goes from one endpoint to the other; found ${src.name} to itself`, params: { endpoint: src.name } });
    seg.unusable = true;
  }
  return seg;
}

function isFieldStart(t: LineTokens, i: number): boolean { return t.isWord(i) && t.isPunct(i + 1, '='); }

function parseFlags(t: LineTokens, i: number, seg: SegmentStatement, findings: Finding[]): number {
  const line = t.line;
  const set = new Set<FlagName>();
  let first = -1;
  let last = -1;
  while (i < t.count && !t.isPunct(i, '=>') && !isFieldStart(t, i)) {
    if (t.isPunct(i, '+') || t.isPunct(i, ',') || t.isPunct(i, '|') || t.isPunct(i, '/')) { i++; continue; }
    const s = i;
    while (t.adjacent(i) && (t.kind[i + 1] === Tok.Word || t.kind[i + 1] === Tok.Number || t.isPunct(i + 1, '.'))) i++;
    const text = t.text.slice(t.start[s], t.end[i]);
    const token: FlagToken = { text, flags: [], known: true, range: range(line, t.start[s], t.end[i]) };
    const upper = text.toUpperCase();
    if (LONG_FLAGS.has(upper)) token.flags.push(upper as FlagName);
    else if (/^[SFRP]*\.?$/.test(upper)) for (const ch of upper) token.flags.push(SHORT[ch]);
    else {
      token.known = false;
      const suggestion = nearest(upper, FLAG_ORDER);
      findings.push({
        code: 'unknown-flag', range: token.range,
        message: `unknown flag \`${text}\`${suggestion ? `; did you mean ${suggestion}?` : ''} (flags: ${FLAG_ORDER.join(' ')}, or packetdrill's S F R P .)`,
        params: suggestion ? { found: text, suggestion } : { found: text },
      });
    }
    for (const f of token.flags) set.add(f);
    seg.flagTokens.push(token);
    if (first < 0) first = s;
    last = i;
    i++;
  }
  seg.flags = FLAG_ORDER.filter((f) => set.has(f));
  if (first >= 0) seg.flagsRange = range(line, t.start[first], t.end[last]);
  return i;
}

function parseFields(t: LineTokens, i: number, seg: SegmentStatement, findings: Finding[]): number {
  const line = t.line;
  const seen = new Set<string>();
  while (i < t.count && !t.isPunct(i, '=>')) {
    if (!isFieldStart(t, i)) {
      findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.end[i]), message: `expected a field (seq=, ack=, len=, data=, win=, id=) or \`=>\`; found \`${t.tokenText(i)}\`` });
      i++;
      continue;
    }
    const nameText = t.tokenText(i);
    const name = nameText.toLowerCase() as FieldName;
    const nameStart = t.start[i];
    let j = i + 2;
    let end = j;
    while (end < t.count && !t.isPunct(end, '=>') && !isFieldStart(t, end)) end++;
    const valueRange = range(line, j < t.count ? t.start[j] : t.end[i + 1], end > j ? t.end[end - 1] : t.end[i + 1]);
    const field: Field = { name, range: range(line, nameStart, valueRange.end.character), nameRange: range(line, nameStart, t.end[i]), valueRange, valueText: t.text.slice(valueRange.start.character, valueRange.end.character) };
    i = end;
    if (!FIELD_NAMES.includes(name)) {
      const suggestion = nearest(nameText, FIELD_NAMES);
      findings.push({ code: 'syntax-error', range: field.nameRange, message: `unknown field \`${nameText}\`${suggestion ? `; did you mean ${suggestion}=?` : ''} (fields: ${FIELD_NAMES.join(', ')})`, params: suggestion ? { found: nameText, suggestion } : { found: nameText } });
      continue;
    }
    if (seen.has(name) || (name === 'len' && seen.has('data')) || (name === 'data' && seen.has('len'))) {
      const what = seen.has(name) ? `\`${name}\` is given twice` : '`data` and `len` both give the payload; keep one';
      findings.push({ code: 'duplicate-field', range: field.range, message: what, params: { field: name } });
      continue;
    }
    seen.add(name);
    seg.fields.push(field);
    if (j >= end) {
      findings.push({ code: 'syntax-error', range: field.range, message: `expected a value after \`${name}=\`` });
      continue;
    }
    switch (name) {
      case 'seq': case 'ack': { const e = parseExpr(t, j, end, findings); if (e) seg[name] = e; break; }
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
        seg.id = { name: t.tokenText(j), range: range(line, t.start[j], t.end[j]) };
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
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return Number(text);
  return undefined;
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
function parseExpr(t: LineTokens, j: number, end: number, findings: Finding[]): Expr | undefined {
  const line = t.line;
  const whole = range(line, t.start[j], t.end[end - 1]);
  const text = t.text.slice(t.start[j], t.end[end - 1]);
  let offset = 0;
  let symbol: string | undefined;
  let symbolRange;
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
      if (n === undefined) { findings.push({ code: 'syntax-error', range: whole, message: `\`${t.tokenText(k)}\` is not a number (decimal or 0x hex)` }); return undefined; }
      if (n > MAX) { bad = `${t.tokenText(k)} is outside 0..4294967295`; break; }
      offset = (offset + sign * n) >>> 0;
    } else if (t.kind[k] === Tok.Word) {
      if (symbol !== undefined) { bad = `at most one symbol in a value; found ${symbol} and ${t.tokenText(k)}`; break; }
      if (sign < 0) { bad = `a symbol can be added, not subtracted; found -${t.tokenText(k)}`; break; }
      symbol = t.tokenText(k);
      symbolRange = range(line, t.start[k], t.end[k]);
    } else break;
    k++;
  }
  if (bad) { findings.push({ code: 'invalid-number', range: whole, message: `${bad} (in \`${text}\`)`, params: { found: text } }); return undefined; }
  if (k < end) {
    findings.push({ code: 'syntax-error', range: range(line, t.start[k], t.end[end - 1]), message: `unexpected \`${t.text.slice(t.start[k], t.end[end - 1])}\` in a value; write it like \`x+1\` or \`1001\`` });
    return undefined;
  }
  const e: Expr = { text: t.text.slice(t.start[j], t.end[k - 1]), offset, range: range(line, t.start[j], t.end[k - 1]) };
  if (symbol !== undefined) { e.symbol = symbol; e.symbolRange = symbolRange; }
  return e;
}
