// Quick fixes: for a diagnostic, the text edits that repair it, and "fix all" for seq/ack in a file.
// Pure: edits are plain ranges and strings; the extension turns them into a WorkspaceEdit.
import type { Analysis, Diagnostic, SegmentResult } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { add, type Value } from '../sequence.ts';
import { parseState, STATES } from '../states.ts';
import { nearest } from '../suggest.ts';
import type { Position, Range, SegmentStatement, TcpState } from '../syntax/syntax.ts';
import { analyze } from '../validator/analyze.ts';
import { tr } from './completionTables.ts';
import { declarationOf, displayValue, segmentAtLine } from './expected.ts';
import { windowFixes } from './windowFixes.ts';
import { lineText, overlaps, range, rangesEqual, splitLines, statementAtLine, stepAtOrBefore } from './positions.ts';

export interface TextEdit { range: Range; newText: string }

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when the user asks for "the" fix (VS Code's isPreferred). */
  preferred?: boolean;
  diagnostic: Diagnostic;
}

/** A value that can be written in the file: `x`, `x+1`, `1001`, `y-1` (contract 2.3 EXPR). */
const WRITABLE = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)(?:[+-][0-9]+)?$/;
const FIXABLE = new Set(['rst-expected', 'wrong-seq', 'wrong-ack', 'state-mismatch', 'unknown-state', 'unknown-flag', 'missing-ack-flag', 'id-required', 'ack-without-flag', 'unknown-endpoint', 'invalid-initial-state', 'duplicate-field', 'unknown-id', 'window-exceeded', 'syntax-error']);

/** A wrong seq/ack whose segment the checker read as written (4.4): the file goes on with its own numbers. */
export function readAsWritten(analysis: Analysis, d: Diagnostic): boolean {
  return (d.code === 'wrong-seq' || d.code === 'wrong-ack') && segmentOf(analysis, d)?.reading === 'written';
}

/** Whether a diagnostic code has quick fixes. */
export function hasQuickFix(code: string): boolean { return FIXABLE.has(code); }

/** Fixes for every diagnostic whose range touches `r`. */
export function quickFixesInRange(analysis: Analysis, text: string, r: Range, lang: Lang = 'en'): QuickFix[] {
  return analysis.diagnostics.filter((d) => overlaps(d.range, r)).flatMap((d) => quickFixesFor(analysis, text, d, lang));
}

/** Fixes for one diagnostic of `analysis` (an empty list when there is no sure fix). */
export function quickFixesFor(analysis: Analysis, text: string, d: Diagnostic, lang: Lang = 'en'): QuickFix[] {
  try {
    return fixes(analysis, text, d, lang);
  } catch {
    return []; // a fix is a convenience: never break the editor over one
  }
}

function fixes(analysis: Analysis, text: string, d: Diagnostic, lang: Lang): QuickFix[] {
  const p = d.params;
  const fix = (title: string, edits: TextEdit[], preferred = true): QuickFix => ({ title, edits, preferred, diagnostic: d });
  const title = (id: string, params?: Parameters<typeof tr>[2]) => tr(lang, `editor.fix.${id}`, params);
  switch (d.code) {
    case 'wrong-seq':
    case 'wrong-ack': {
      const res = segmentOf(analysis, d);
      const f = res && valueFix(text, res.statement, d.code === 'wrong-seq' ? 'seq' : 'ack', String(p.expected ?? ''), lang);
      // Read as written (4.4): the lines below follow the file's own numbers, so this one value alone is not
      // the whole repair; "fix all" is (the extension prefers it then).
      return f ? [fix(f.title, f.edits, res.reading !== 'written')] : [];
    }
    case 'window-exceeded': {
      const res = segmentOf(analysis, d);
      return res ? windowFixes(analysis, text, d, res, lang).map((f) => fix(f.title, f.edits, f.preferred)) : [];
    }
    case 'state-mismatch': {
      if (typeof p.actual !== 'string') return [];
      // When the line has another error, that error is the likelier cause: do not prefer rewriting the assertion.
      const otherError = analysis.diagnostics.some((x) => x !== d && x.severity === 'error' && x.code !== 'state-mismatch' && x.range.start.line === d.range.start.line);
      return [fix(title('stateHere', { state: p.actual, endpoint: String(p.endpoint ?? '?') }), [{ range: d.range, newText: p.actual }], !otherError)];
    }
    case 'rst-expected': {
      const who = String(p.endpoint ?? '');
      const peer = analysis.endpoints.find((e) => e.name !== who)?.name;
      const rst = typeof p.expected === 'string' && /^RST/.test(p.expected) ? p.expected : answeringRst(analysis, d, who);
      if (!peer || !rst) return [];
      const line = d.range.start.line;
      const end = { line, character: lineText(text, line).length };
      return [fix(title('insertRst', { endpoint: who, line: `${who} -> ${peer}: ${rst}` }), [{ range: pointRange(end), newText: `${lineBreak(text)}${who} -> ${peer}: ${rst}` }], false)];
    }
    case 'unknown-state': {
      const out: QuickFix[] = [];
      const suggestion = typeof p.suggestion === 'string' ? p.suggestion : nearest(String(p.found ?? ''), STATES);
      if (suggestion) out.push(fix(title('changeTo', { value: suggestion }), [{ range: d.range, newText: suggestion }]));
      const real = assertedEndpointState(analysis, d.range);
      if (real && real !== suggestion) out.push(fix(title('changeToReal', { state: real }), [{ range: d.range, newText: real }], out.length === 0));
      return out;
    }
    case 'unknown-flag':
      return typeof p.suggestion === 'string' ? [fix(title('changeTo', { value: p.suggestion }), [{ range: d.range, newText: p.suggestion }])] : [];
    case 'missing-ack-flag':
    case 'ack-without-flag': {
      const res = segmentOf(analysis, d);
      if (!res) return [];
      const out = [fix(p.expected ? title('addAckAs', { flags: String(p.expected) }) : title('addAck'), [addAckFlag(res.statement)])];
      if (d.code === 'ack-without-flag' && res.statement.ack) out.push(fix(title('removeAck'), [removeField(text, res.statement, 'ack')], false));
      return out;
    }
    case 'id-required': {
      const st = statementAtLine(analysis, d.range.start.line);
      if (st?.kind !== 'segment') return [];
      const id = freshId(analysis, st);
      return [fix(title('addId', { id }), [{ range: pointRange(endOfFields(st)), newText: ` id=${id}` }])];
    }
    case 'unknown-endpoint': {
      const names = analysis.endpoints.map((e) => e.name);
      const found = String(p.endpoint ?? '');
      const best = nearestName(found, names);
      return best ? [fix(title('changeTo', { value: best }), [{ range: d.range, newText: best }])] : [];
    }
    case 'invalid-initial-state':
      return initialStateFixes(analysis, text, d, lang).map((f) => fix(f.title, f.edits, f.preferred));
    case 'syntax-error': {
      // `snd=`/`rcv=`/`win=` on an endpoint that does not start ESTABLISHED (2.2): make it ESTABLISHED, or drop the field.
      const st = statementAtLine(analysis, d.range.start.line);
      if (st?.kind !== 'endpoint' || !['snd', 'rcv', 'win'].includes(String(p.field)) || !st.initial) return [];
      return [
        fix(title('toEstablished', { state: st.initial.text }), [{ range: st.initial.range, newText: 'ESTABLISHED' }]),
        fix(title('removeField', { field: `${p.field}=` }), [removeRange(text, d.range)], false),
      ];
    }
    case 'duplicate-field':
      return [fix(title('removeField', { field: String(p.field ?? 'field') }), [removeRange(text, d.range)])];
    case 'unknown-id': {
      const inFlight = analysis.segments.filter((s) => s.statement.arrow === '~>' && s.statement.id && s.statement.line < d.range.start.line
        && (s.deliveredLine === undefined || s.deliveredLine >= d.range.start.line)).map((s) => s.statement.id!.name);
      const best = nearestName(String(p.id ?? ''), inFlight) ?? (inFlight.length === 1 ? inFlight[0] : undefined);
      return best && best !== p.id ? [fix(title('changeTo', { value: best }), [{ range: d.range, newText: best }])] : [];
    }
    default:
      return [];
  }
}

/**
 * `invalid-initial-state` (2.2): a state that cannot start (CLOSED or LISTEN instead), an endpoint whose peer
 * starts ESTABLISHED (ESTABLISHED too), or `snd`/`rcv` that do not mirror the peer's (the peer's value).
 */
function initialStateFixes(analysis: Analysis, text: string, d: Diagnostic, lang: Lang): { title: string; edits: TextEdit[]; preferred: boolean }[] {
  const st = statementAtLine(analysis, d.range.start.line);
  if (st?.kind !== 'endpoint') return [];
  const peer = analysis.document.statements.find((x) => x.kind === 'endpoint' && x.name.name !== st.name.name);
  const peerDecl = peer?.kind === 'endpoint' ? declarationOf(analysis, peer.name.name) : undefined;
  const title = (id: string, params?: Parameters<typeof tr>[2]) => tr(lang, `editor.fix.${id}`, params);
  for (const field of ['snd', 'rcv'] as const) {
    const e = st[field];
    const mirror = peerDecl?.[field === 'snd' ? 'rcv' : 'snd'];
    if (e && mirror && overlaps(e.range, d.range) && e.text !== mirror.text) {
      return [{ title: title('mirror', { field, value: mirror.text, peer: peerDecl!.name.name }), edits: [{ range: e.range, newText: mirror.text }], preferred: true }];
    }
  }
  const out: { title: string; edits: TextEdit[]; preferred: boolean }[] = [];
  const peerEstablished = peerDecl?.initial?.state === 'ESTABLISHED';
  const written = st.initial;
  const at = written ? written.range : undefined;
  const put = (state: string): TextEdit => (at ? { range: at, newText: state } : { range: pointRange(st.name.range.end), newText: ` ${state}` });
  if (peerEstablished && written?.state !== 'ESTABLISHED') out.push({ title: title('establishedAsPeer', { peer: peerDecl!.name.name }), edits: [put('ESTABLISHED')], preferred: true });
  if (written && !peerEstablished) {
    if (written.state !== 'LISTEN') out.push({ title: title('toListen'), edits: [put('LISTEN')], preferred: out.length === 0 });
    if (written.state !== 'CLOSED') out.push({ title: title('toClosed'), edits: [put('CLOSED')], preferred: false });
  }
  return out.filter((f) => f.edits.every((e) => parseState(e.newText.trim()) !== undefined));
}

/**
 * The RST that answers the segment `who` received on the diagnostic's line (RFC 9293 3.10.7.1; contract 4.1):
 * `RST seq=SEG.ACK` when the segment had ACK, else `RST+ACK seq=0 ack=SEG.SEQ+SEG.LEN` (SYN and FIN counted).
 */
function answeringRst(analysis: Analysis, d: Diagnostic, who: string): string | undefined {
  const to = analysis.endpoints.findIndex((e) => e.name === who);
  const line = d.range.start.line;
  const res = d.segment !== undefined ? analysis.segments[d.segment] : analysis.segments.find((s) => s.deliveredLine === line && s.to === to);
  if (!res) return undefined;
  const st = res.statement;
  const write = (v: Value) => displayValue(analysis, v, line + 1);
  if (st.flags.includes('ACK')) return res.ack ? `RST seq=${write(res.ack)}` : undefined;
  if (!res.seq) return undefined;
  const length = st.len + (st.flags.includes('SYN') ? 1 : 0) + (st.flags.includes('FIN') ? 1 : 0);
  return `RST+ACK seq=0 ack=${write(add(res.seq, length))}`;
}

/** Deletes a range on one line and the white space before it. */
function removeRange(text: string, r: Range): TextEdit {
  const line = lineText(text, r.start.line);
  let s = r.start.character;
  while (s > 0 && (line[s - 1] === ' ' || line[s - 1] === '\t')) s--;
  return { range: range(r.start.line, s, r.end.character), newText: '' };
}

function segmentOf(analysis: Analysis, d: Diagnostic): SegmentResult | undefined {
  if (d.segment !== undefined && analysis.segments[d.segment]) return analysis.segments[d.segment];
  return segmentAtLine(analysis, d.range.start.line);
}

/** Replace (or add) seq=/ack= with the expected value; remove the field when the value cannot be written. */
function valueFix(text: string, st: SegmentStatement, field: 'seq' | 'ack', expected: string, lang: Lang): { title: string; edits: TextEdit[] } | undefined {
  const expr = st[field];
  if (expected && WRITABLE.test(expected)) {
    if (expr) return { title: tr(lang, 'editor.fix.changeValue', { field, value: expected }), edits: [{ range: expr.range, newText: expected }] };
    return { title: tr(lang, 'editor.fix.addValue', { field, value: expected }), edits: [{ range: pointRange(insertionPoint(st, field)), newText: ` ${field}=${expected}` }] };
  }
  // The expected value has no name in the file (an ISS written nowhere): leaving the field out
  // lets the validator fill in exactly that value.
  if (expr && st.fields.some((f) => f.name === field)) {
    return { title: tr(lang, 'editor.fix.removeValue', { field, value: expected || '?' }), edits: [removeField(text, st, field)] };
  }
  return undefined;
}

function lineBreak(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

function pointRange(p: Position): Range { return { start: p, end: p }; }

/** Where a new field goes: seq right after the flags, ack after seq (or the flags). */
function insertionPoint(st: SegmentStatement, field: 'seq' | 'ack'): Position {
  if (field === 'ack') {
    const seq = st.fields.find((f) => f.name === 'seq');
    if (seq) return seq.range.end;
  }
  return st.flagsRange.end;
}

/** After the last field, or after the flags when there is none. */
function endOfFields(st: SegmentStatement): Position {
  let end = st.flagsRange.end;
  for (const f of st.fields) if (f.range.end.character > end.character) end = f.range.end;
  return end;
}

/** Deletes a field and the white space before it. */
function removeField(text: string, st: SegmentStatement, name: string): TextEdit {
  return removeRange(text, st.fields.find((x) => x.name === name)!.range);
}

/** `+ACK` after the last flag, or `.` after a packetdrill short form (`F` -> `F.`). */
function addAckFlag(st: SegmentStatement): TextEdit {
  const last = st.flagTokens[st.flagTokens.length - 1];
  if (!last) return { range: pointRange(st.flagsRange.end), newText: ' ACK' };
  const short = /^[SFRP]+$/i.test(last.text);
  return { range: pointRange(last.range.end), newText: short ? '.' : '+ACK' };
}

function freshId(analysis: Analysis, st: SegmentStatement): string {
  const used = new Set<string>();
  for (const s of analysis.segments) if (s.statement.id) used.add(s.statement.id.name);
  for (const x of analysis.document.statements) if (x.kind === 'deliver') for (const id of x.ids) used.add(id.name);
  const stem = (st.flags.find((f) => f !== 'ACK' && f !== 'PSH') ?? (st.len > 0 ? 'data' : st.flags[0] ?? 'seg')).toLowerCase();
  for (let i = 1; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

function nearestName(word: string, names: string[]): string | undefined {
  // names are case-sensitive; a case-only difference is the likeliest typo
  const sameCase = names.find((n) => n.toLowerCase() === word.toLowerCase());
  if (sameCase) return sameCase;
  const upper = nearest(word, names.map((n) => n.toUpperCase()));
  return upper ? names.find((n) => n.toUpperCase() === upper) : undefined;
}

/** For an unknown state in an assertion, the state the asserted endpoint really has there. */
function assertedEndpointState(analysis: Analysis, r: Range): TcpState | undefined {
  const st = statementAtLine(analysis, r.start.line);
  if (!st || !('assertions' in st)) return undefined;
  const a = st.assertions.find((x) => rangesEqual(x.state.range, r));
  if (!a) return undefined;
  const i = analysis.endpoints.findIndex((e) => e.name === a.endpoint.name);
  if (i < 0) return undefined;
  return stepAtOrBefore(analysis, st.line)?.states[i] ?? analysis.endpoints[i].initial;
}

/** Applies non-overlapping edits to a text (any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

export interface FixAllResult {
  /** The fixed text. */
  text: string;
  /** Edits from the original text to the fixed one (whole changed lines). */
  edits: TextEdit[];
  /** How many seq/ack values were changed, added or removed. */
  fixed: number;
  rounds: number;
}

/**
 * Fixes every wrong seq and ack in the file. Fixing one value can change what later lines are
 * expected to carry, so it runs analysis -> fixes until nothing is left to fix (at most `maxRounds`).
 */
export function fixAllSeqAck(text: string, maxRounds = 10): FixAllResult {
  let current = text;
  let fixed = 0;
  let rounds = 0;
  while (rounds < maxRounds) {
    const analysis = analyze(current);
    const edits: TextEdit[] = [];
    for (const d of analysis.diagnostics) {
      if (d.code !== 'wrong-seq' && d.code !== 'wrong-ack') continue;
      const f = quickFixesFor(analysis, current, d)[0];
      if (!f) continue;
      if (f.edits.some((e) => edits.some((x) => overlaps(x.range, e.range)))) continue;
      edits.push(...f.edits);
    }
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    rounds++;
    if (next === current) break;
    current = next;
    fixed += edits.length;
  }
  return { text: current, edits: lineEdits(text, current), fixed, rounds };
}

/** Whole-line replacements turning `before` into `after` (same number of lines). */
function lineEdits(before: string, after: string): TextEdit[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const edits: TextEdit[] = [];
  if (a.length !== b.length) return [{ range: { start: { line: 0, character: 0 }, end: { line: a.length - 1, character: a[a.length - 1].length } }, newText: after }];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) edits.push({ range: range(i, 0, a[i].length), newText: b[i] });
  return edits;
}
