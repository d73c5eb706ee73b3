// Completion on `endpoint` lines: names, the initial state (CLOSED, LISTEN, ESTABLISHED), and for a
// connection that already exists (contract 2.2) `snd=`/`rcv=`/`win=` with the values that mirror the peer.
import type { Analysis } from '../analysis.ts';
import type { EndpointStatement } from '../syntax/syntax.ts';
import { stateItems, tr } from './completionTables.ts';
import type { CompletionEntry, CompletionPlace, CompletionResult } from './completion.ts';
import { formatBefore, freshSymbol, isNumericFile, startNumbers } from './expected.ts';
import { commentStart, range } from './positions.ts';

/** The values an ESTABLISHED declaration of `name` should carry: the mirror of the peer (2.2). */
export interface MirrorValues {
  snd?: string;
  rcv?: string;
  /** True when the values come from the peer's declaration or from segments (not placeholders). */
  known: { snd: boolean; rcv: boolean };
}

/** The peer of the endpoint declared (or being declared) as `name`: the other declared endpoint. */
function peerDeclaration(analysis: Analysis, name: string): EndpointStatement | undefined {
  for (const s of analysis.document.statements) if (s.kind === 'endpoint' && s.name.name !== name) return s;
  return undefined;
}

/**
 * `snd`: the peer's `rcv`, `rcv`: the peer's `snd`, as the peer wrote them; else the values the analysis
 * took for this endpoint (from the first segments); else placeholders (fresh symbols, or round numbers).
 */
export function mirrorValues(analysis: Analysis, name: string, line: number): MirrorValues {
  const peer = peerDeclaration(analysis, name);
  const out: MirrorValues = { known: { snd: false, rcv: false } };
  if (peer?.rcv) { out.snd = peer.rcv.text; out.known.snd = true; }
  if (peer?.snd) { out.rcv = peer.snd.text; out.known.rcv = true; }
  const i = analysis.endpoints.findIndex((e) => e.name === name);
  const taken = i >= 0 ? startNumbers(analysis, i) : undefined;
  const write = (v: Parameters<typeof formatBefore>[1] | undefined) => (v ? formatBefore(analysis, v, line) : undefined);
  if (!out.snd && taken?.snd && taken.sndFrom !== 'declared') { out.snd = write(taken.snd); out.known.snd = out.snd !== undefined; }
  if (!out.rcv && taken?.rcv && taken.rcvFrom !== 'declared') { out.rcv = write(taken.rcv); out.known.rcv = out.rcv !== undefined; }
  // This line is not an ESTABLISHED declaration yet: the peer's numbers, mirrored.
  const p = peer ? analysis.endpoints.findIndex((e) => e.name === peer.name.name) : -1;
  const peerTaken = p >= 0 ? startNumbers(analysis, p) : undefined;
  if (!out.snd && peerTaken?.rcv) { out.snd = write(peerTaken.rcv); out.known.snd = out.snd !== undefined; }
  if (!out.rcv && peerTaken?.snd) { out.rcv = write(peerTaken.snd); out.known.rcv = out.rcv !== undefined; }
  if (!out.snd || !out.rcv) {
    const numeric = isNumericFile(analysis);
    const used = [out.snd, out.rcv].filter((x): x is string => !!x);
    if (!out.snd) out.snd = numeric ? '1000' : freshSymbol(analysis, line, used);
    if (!out.rcv) out.rcv = numeric ? '5000' : freshSymbol(analysis, line, [...used, out.snd]);
  }
  return out;
}

const isEstablished = (w: string | undefined) => w !== undefined && /^established$/i.test(w);

export function endpointDeclItems(place: CompletionPlace, before: string[], start: number): CompletionResult {
  const { analysis, lang } = place;
  const t = (id: string, params?: Parameters<typeof tr>[2]) => tr(lang, id, params);
  const label: CompletionEntry = { label: 'as "…"', kind: 'keyword', insertText: 'as "${1:label}"', snippet: true, detail: t('editor.completion.as') };
  const valueField = /\b(snd|rcv)\s*=\s*([A-Za-z0-9_+\-]*)$/i.exec(place.prefix);
  if (valueField && isEstablished(before[2])) return valueItems(place, before[1], valueField[1].toLowerCase() as 'snd' | 'rcv', place.prefix.length - valueField[2].length);
  if (before.length === 1) {
    const declared = new Set(analysis.endpoints.filter((e) => e.declared).map((e) => e.name));
    const used = new Set<string>();
    for (const s of analysis.segments) { used.add(s.statement.src.name); if (s.statement.dst.name) used.add(s.statement.dst.name); }
    const names = [...used].filter((n) => !declared.has(n));
    if (names.length === 0) names.push(...['client', 'server'].filter((n) => !declared.has(n)));
    return place.result('none', start, names.map((n) => ({ label: n, kind: 'endpoint', insertText: `${n} `, detail: t('editor.completion.endpointName') })));
  }
  const name = before[1];
  if (before.length === 2) {
    const items: CompletionEntry[] = stateItems(['CLOSED', 'LISTEN', 'ESTABLISHED'], undefined, lang);
    items[0].detail = t('editor.completion.startsClosed');
    items[1].detail = t('editor.completion.startsListen');
    items[2].detail = t('editor.completion.startsEstablished');
    const m = mirrorValues(analysis, name, place.line);
    const peer = peerDeclaration(analysis, name);
    const peerEstablished = peer?.initial?.state === 'ESTABLISHED';
    items.push({
      label: `ESTABLISHED snd=${m.snd} rcv=${m.rcv}`, kind: 'state',
      insertText: `ESTABLISHED snd=${m.known.snd ? m.snd : `\${1:${m.snd}}`} rcv=${m.known.rcv ? m.rcv : `\${2:${m.rcv}}`}`, snippet: true,
      detail: t(m.known.snd || m.known.rcv ? 'editor.completion.establishedMirror' : 'editor.completion.establishedNew'),
      documentation: t('editor.completion.establishedDoc'), preselect: peerEstablished || undefined,
    });
    if (peerEstablished) items.unshift(items.pop()!);
    items.push(label);
    return place.result('endpoint-state', start, items);
  }
  if (isEstablished(before[2]) && !before.some((w) => /^as$/i.test(w))) {
    const code = place.full.slice(0, commentStart(place.full));
    const present = new Set([...code.matchAll(/\b([A-Za-z]+)\s*=/g)].map((x) => x[1].toLowerCase()));
    const m = mirrorValues(analysis, name, place.line);
    const items: CompletionEntry[] = [];
    if (!present.has('snd')) items.push({ label: `snd=${m.snd}`, kind: 'field', insertText: `snd=${m.snd} `, detail: t('editor.field.snd'), documentation: t(m.known.snd ? 'editor.completion.mirrorSnd' : 'editor.completion.placeholder'), preselect: true });
    if (!present.has('rcv')) items.push({ label: `rcv=${m.rcv}`, kind: 'field', insertText: `rcv=${m.rcv} `, detail: t('editor.field.rcv'), documentation: t(m.known.rcv ? 'editor.completion.mirrorRcv' : 'editor.completion.placeholder'), preselect: present.has('snd') || undefined });
    if (!present.has('win')) items.push({ label: 'win=', kind: 'field', insertText: 'win=${1:65535}', snippet: true, detail: t('editor.field.winDeclared') });
    items.push(label);
    return place.result('endpoint-fields', start, items);
  }
  if (before.length === 3 && !/^as$/i.test(before[2])) return place.result('none', start, [label]);
  return place.result('none', start, []);
}

/** After `snd=`/`rcv=` on an ESTABLISHED declaration: the mirror of the peer's value. */
function valueItems(place: CompletionPlace, name: string, field: 'snd' | 'rcv', start: number): CompletionResult {
  const suffix = /^[A-Za-z0-9_+\-]*/.exec(place.full.slice(place.prefix.length))?.[0] ?? '';
  const replace = range(place.line, start, place.prefix.length + suffix.length);
  const m = mirrorValues(place.analysis, name, place.line);
  const value = m[field]!;
  const known = m.known[field];
  const doc = tr(place.lang, known ? (field === 'snd' ? 'editor.completion.mirrorSnd' : 'editor.completion.mirrorRcv') : 'editor.completion.placeholder');
  const items: CompletionEntry[] = [{ label: value, kind: 'value', preselect: true, range: replace, insertText: `${value} `, detail: tr(place.lang, `editor.field.${field}`), documentation: doc }];
  return { context: field, range: replace, items };
}
