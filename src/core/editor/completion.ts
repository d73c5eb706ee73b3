// Completion: what can be typed at a position, read from the text before the cursor and the analysis.
// Pure: (analysis, text, position, lang) -> plain items; the extension maps them to vscode.CompletionItem.
import type { Analysis } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { FLAG_ORDER } from '../syntax/parseSegment.ts';
import { STATES } from '../states.ts';
import type { Position, Range, TcpState } from '../syntax/syntax.ts';
import { endpointDeclItems } from './completionEndpoint.ts';
import { ACTIONS, flagDetail, flagSet, likelyFlags, stateItems, tr } from './completionTables.ts';
import { expectedAck, expectedSeq, senderBefore, type ExpectedValue, type FlagsSeen } from './expected.ts';
import { formatText } from '../i18n/format.ts';
import { commentStart, endpointIndex, lineText, range, stepBefore, statesLabel } from './positions.ts';

export { likelyFlags } from './completionTables.ts';

export type CompletionKind = 'flag' | 'state' | 'endpoint' | 'field' | 'value' | 'keyword' | 'arrow' | 'action' | 'id' | 'segment' | 'assertion';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (default: label); a snippet with `$1` placeholders when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  /** Range replaced by the item (default: the result's range). */
  range?: Range;
  preselect?: boolean;
  /** Ask the editor for completions again after inserting (after `seq=`, `server: `). */
  retrigger?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  /** Which syntactic place the cursor is in (for tests and debugging). */
  context: 'none' | 'line-start' | 'after-name' | 'old-sender' | 'receiver' | 'flags' | 'fields' | 'seq' | 'ack' | 'id' | 'states'
    | 'assertion-endpoint' | 'assertion-state' | 'endpoint-state' | 'endpoint-fields' | 'snd' | 'rcv' | 'deliver' | 'note';
  /** The partial word being typed, replaced by the items. */
  range: Range;
  items: CompletionEntry[];
}

const KEYWORDS = ['title', 'endpoint', 'expect', 'deliver', 'note'];
const TOKEN = /->|~>|-x(?![A-Za-z0-9_])|=>|==|"(?:[^"\\]|\\.)*"?|[A-Za-z_][A-Za-z0-9_]*|[0-9][A-Za-z0-9_]*|\S/g;

export function tokens(s: string): string[] { return s.match(TOKEN) ?? []; }
const isArrow = (t: string | undefined) => t === '->' || t === '~>' || t === '-x';
const isWord = (t: string | undefined) => t !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t);
/** `old` before a sender (not `old -> b`, where `old` is an endpoint's name; contract 4.5.7). */
const isOldPrefix = (toks: string[]) => toks[0]?.toLowerCase() === 'old' && toks.length >= 2 && !isArrow(toks[1]);

/** Completion items at a position. Never throws; an unknown place gives no items. */
export function completionsAt(analysis: Analysis, text: string, position: Position, lang: Lang = 'en'): CompletionResult {
  const full = lineText(text, position.line);
  const prefix = full.slice(0, Math.min(position.character, full.length));
  const empty = (context: CompletionResult['context'] = 'none'): CompletionResult => ({ context, range: range(position.line, prefix.length, prefix.length), items: [] });
  if (commentStart(prefix) < prefix.length || insideString(prefix)) return empty();
  const c = new Completer(analysis, position.line, prefix, full, lang);
  const result = c.run();
  result.items.forEach((item, i) => { item.sortText ??= String(i).padStart(3, '0'); });
  return result;
}

function insideString(prefix: string): boolean {
  let inside = false;
  for (let i = 0; i < prefix.length; i++) {
    if (inside && prefix[i] === '\\') i++;
    else if (prefix[i] === '"') inside = !inside;
  }
  return inside;
}

/** What the completers of one place share. */
export interface CompletionPlace {
  readonly analysis: Analysis;
  readonly line: number;
  readonly prefix: string;
  readonly full: string;
  readonly lang: Lang;
  result(context: CompletionResult['context'], start: number, items: CompletionEntry[]): CompletionResult;
}

class Completer implements CompletionPlace {
  constructor(readonly analysis: Analysis, readonly line: number, readonly prefix: string, readonly full: string, readonly lang: Lang) {}

  private tr(id: string, params?: Parameters<typeof tr>[2]): string { return tr(this.lang, id, params); }

  private partial(pattern: RegExp): { start: number; before: string[] } {
    const m = pattern.exec(this.prefix);
    const start = m ? m.index : this.prefix.length;
    return { start, before: tokens(this.prefix.slice(0, start)) };
  }

  result(context: CompletionResult['context'], start: number, items: CompletionEntry[]): CompletionResult {
    return { context, range: range(this.line, start, this.prefix.length), items };
  }

  run(): CompletionResult {
    const value = /\b(seq|ack|id)\s*=\s*([A-Za-z0-9_+\-]*)$/i.exec(this.prefix);
    if (value && this.segmentTokens()) return this.valueItems(value[1].toLowerCase() as 'seq' | 'ack' | 'id', this.prefix.length - value[2].length);
    if (/^\s*=+$/.test(this.prefix)) {
      const start = this.prefix.indexOf('=');
      return this.result('line-start', start, [this.sectionItem()]);
    }
    const { start, before: all } = this.partial(/[A-Za-z0-9_.\-]*$/);
    if (all.length === 0) return this.result('line-start', start, this.lineStartItems());
    const old = isOldPrefix(all) || (all.length === 1 && all[0].toLowerCase() === 'old');
    if (old && all.length === 1) return this.result('old-sender', start, this.senderItems());
    const before = old ? all.slice(1) : all;
    const first = before[0];
    if (first === '==') return this.result('none', start, []);
    const keyword = first.toLowerCase();
    if (!old) {
      if (keyword === 'expect' && !isArrow(before[1])) return this.assertionItems(before.slice(1), start);
      if (keyword === 'endpoint' && !isArrow(before[1])) return endpointDeclItems(this, before, start);
      if (keyword === 'deliver' && !isArrow(before[1])) return this.deliverItems(before, start);
      if (keyword === 'note' && before.length === 1) {
        return this.result('note', start, this.analysis.endpoints.map((e) => ({ label: e.name, kind: 'endpoint' as const, insertText: `${e.name}: `, detail: this.tr('editor.completion.noteOver', { endpoint: e.name }) })));
      }
      if (keyword === 'title' || keyword === 'note') return this.result('none', start, []);
    }
    if (!isWord(first)) return this.result('none', start, []);
    const arrowAt = before.findIndex(isArrow);
    if (arrowAt === 1) return this.segmentItems(before, start, old);
    if (before.length === 1) return this.result('after-name', start, this.afterNameItems(first, old));
    if (old) return this.result('none', start, []);
    const assertAt = before.indexOf('=>');
    if (assertAt >= 0) return this.assertionItems(before.slice(assertAt + 1), start);
    if (before.length === 2 && /^wait$/i.test(before[1])) return this.result('fields', start, [{ label: '2MSL', kind: 'keyword', detail: this.tr('editor.completion.2msl'), preselect: true }]);
    if (before.length === 2 || (before.length === 3 && /^wait$/i.test(before[1]))) {
      const states = this.statesAfterLine();
      return this.result('fields', start, states ? [this.assertAllItem(states)] : []);
    }
    return this.result('none', start, []);
  }

  /** The tokens of a segment line from its sender on (without `old`), or undefined when it is none. */
  private segmentTokens(): { toks: string[]; old: boolean } | undefined {
    const toks = tokens(this.prefix);
    const old = isOldPrefix(toks);
    const rest = old ? toks.slice(1) : toks;
    return isArrow(rest[1]) ? { toks: rest, old } : undefined;
  }

  private sectionItem(): CompletionEntry {
    return { label: '== Section ==', kind: 'keyword', insertText: `== \${1:${this.tr('editor.snippet.section')}} ==`, snippet: true, detail: this.tr('editor.completion.kw.section') };
  }

  // ---- line start, names ----

  private senderItems(): CompletionEntry[] {
    return this.analysis.endpoints.map((e) => ({ label: e.name, kind: 'endpoint', detail: this.tr('editor.completion.oldSender', { endpoint: e.name }), insertText: `${e.name} `, retrigger: true }));
  }

  private lineStartItems(): CompletionEntry[] {
    const items: CompletionEntry[] = this.analysis.endpoints.map((e) => ({
      label: e.name, kind: 'endpoint', insertText: `${e.name} `, retrigger: true,
      detail: e.label !== e.name ? this.tr('editor.completion.endpointLabelled', { label: e.label, state: e.initial }) : this.tr('editor.completion.endpoint', { state: e.initial }),
    }));
    const snippets: Record<string, string> = {
      title: `title \${1:${this.tr('editor.snippet.title')}}`, endpoint: 'endpoint ${1:client}', expect: 'expect ', deliver: 'deliver ', note: `note: \${1:${this.tr('editor.snippet.note')}}`,
    };
    for (const k of KEYWORDS) items.push({ label: k, kind: 'keyword', insertText: snippets[k], snippet: true, detail: this.tr(`editor.completion.kw.${k}`), retrigger: k === 'expect' || k === 'deliver' });
    items.push({ label: 'old', kind: 'keyword', insertText: 'old ', detail: this.tr('editor.completion.kw.old'), documentation: this.tr('editor.completion.kw.oldDoc'), retrigger: true });
    items.push(this.sectionItem());
    return items;
  }

  private afterNameItems(name: string, old: boolean): CompletionEntry[] {
    const other = this.analysis.endpoints.find((e) => e.name !== name)?.name ?? 'server';
    const items: CompletionEntry[] = [
      { label: '->', kind: 'arrow', insertText: `-> ${other}: `, detail: this.tr(old ? 'editor.completion.arrow.oldDelivered' : 'editor.completion.arrow.delivered', { sender: name, receiver: other }), retrigger: true },
      { label: '-x', kind: 'arrow', insertText: `-x ${other}: `, detail: this.tr('editor.completion.arrow.lost'), retrigger: true },
      { label: '~>', kind: 'arrow', insertText: `~> ${other}: `, detail: this.tr('editor.completion.arrow.inFlight'), retrigger: true },
    ];
    if (old) return items;
    const state = senderBefore(this.analysis, name, this.line)?.state;
    for (const a of ACTIONS) {
      const applies = state !== undefined && a.from.includes(state);
      const detail = this.tr(`editor.completion.action.${a.id}`);
      items.push({ label: a.label, kind: 'action', detail: state && !applies ? this.tr('editor.completion.actionNotHere', { detail, endpoint: name, state }) : detail, preselect: applies || undefined });
    }
    // An action that applies in the current state goes first (crash applies almost anywhere: not first).
    const rank = (e: CompletionEntry) => (e.preselect && e.label !== 'crash' ? 0 : 1);
    return items.sort((a, b) => rank(a) - rank(b)).map((e) => (e.label === 'crash' ? { ...e, preselect: undefined } : e));
  }

  // ---- segments ----

  private segmentItems(before: string[], start: number, old: boolean): CompletionResult {
    const sender = before[0];
    if (before.length === 2) {
      const names = this.analysis.endpoints.filter((e) => e.name !== sender);
      return this.result('receiver', start, names.map((e, i) => ({ label: e.name, kind: 'endpoint', insertText: `${e.name}: `, preselect: i === 0 || undefined, retrigger: true })));
    }
    const assertAt = before.indexOf('=>');
    if (assertAt >= 0) return this.assertionItems(before.slice(assertAt + 1), start);
    let i = 3;
    if (before[i] === ':') i++;
    const rest = before.slice(i);
    const fieldStart = rest.findIndex((t, k) => isWord(t) && rest[k + 1] === '=');
    const flagWords = (fieldStart < 0 ? rest : rest.slice(0, fieldStart)).filter((t) => !/^[+,|/]$/.test(t));
    const flags = flagSet(flagWords);
    const after = this.full.slice(this.prefix.length).trim();
    const nothingAfter = after === '' || commentStart(after) === 0;
    if (fieldStart < 0) {
      const lastTok = rest[rest.length - 1];
      const joining = lastTok !== undefined && /^[+,|/]$/.test(lastTok);
      if (flagWords.length === 0 || joining) return this.result('flags', start, this.flagItems(sender, flagWords.length === 0, flags, nothingAfter && !old, before[1], old));
      // after a flag word: a field, another flag (`FIN ACK`), or the assertion
      const more = this.flagItems(sender, false, flags, false, before[1], old).map((f) => ({ ...f, preselect: undefined }));
      return this.result('fields', start, [...this.fieldItems(before[1]), ...more, ...this.assertTail()]);
    }
    return this.result('fields', start, [...this.fieldItems(before[1]), ...this.assertTail()]);
  }

  private flagItems(sender: string, first: boolean, present: FlagsSeen & { names: Set<string> }, wholeSegments: boolean, arrow: string, old: boolean): CompletionEntry[] {
    const ctx = old ? undefined : senderBefore(this.analysis, sender, this.line);
    const state = ctx?.state;
    // An old duplicate is usually a SYN (figure 8) or a data segment (figure 11); no state applies.
    const likely = old ? ['SYN', 'ACK', 'PSH+ACK'] : state ? likelyFlags(state, !!ctx?.tcb?.iss) : [];
    const items: CompletionEntry[] = [];
    if (first && wholeSegments && ctx) items.push(...this.wholeSegmentItems(sender, likely, arrow));
    if (items.length) items[0].preselect = true;
    const combos = first ? [...likely, 'SYN', 'SYN+ACK', 'ACK', 'FIN+ACK', 'PSH+ACK', 'RST', 'RST+ACK', 'FIN'] : [];
    const singles = FLAG_ORDER.filter((f) => !present.names.has(f));
    const seen = new Set<string>();
    for (const label of [...combos, ...singles]) {
      if (seen.has(label)) continue;
      seen.add(label);
      const isLikely = likely.includes(label) && !old;
      items.push({ label, kind: 'flag', detail: isLikely && state ? this.tr('editor.completion.canSend', { endpoint: sender, state }) : flagDetail(label, this.lang), preselect: (first && label === likely[0] && !items.some((x) => x.preselect)) || undefined, insertText: `${label} `, retrigger: true });
    }
    return items;
  }

  /** Complete segments (`ACK seq=x+1 ack=y+1`) with the values the validator expects. */
  private wholeSegmentItems(sender: string, likely: string[], arrow: string): CompletionEntry[] {
    const out: CompletionEntry[] = [];
    for (const flags of likely.slice(0, 3)) {
      if (flags.startsWith('RST')) continue;
      const f = flagSet(flags.split('+'));
      const seq = expectedSeq(this.analysis, this.line, sender, f);
      const ack = f.ack ? expectedAck(this.analysis, this.line, sender) : undefined;
      if (!seq || (f.ack && !ack)) continue;
      if ((seq.free && !f.syn) || ack?.free) continue; // a number no line has written yet: nothing to complete it with
      const payload = flags === 'PSH+ACK' ? ' len=${1:100}' : '';
      const id = arrow === '~>' ? ` id=${this.freshId()}` : '';
      const label = `${flags} seq=${seq.text}${ack ? ` ack=${ack.text}` : ''}${payload ? ' len=…' : ''}${id}`;
      out.push({
        label, kind: 'segment', insertText: `${flags} seq=${seq.text}${ack ? ` ack=${ack.text}` : ''}${payload}${id}`, snippet: true,
        detail: this.tr('editor.completion.wholeSegment'),
        documentation: `seq: ${formatText(this.lang, seq.why)}${ack ? `\n\nack: ${formatText(this.lang, ack.why)}` : ''}`,
      });
    }
    return out;
  }

  private fieldItems(arrow: string): CompletionEntry[] {
    const present = new Set<string>();
    const code = this.full.slice(0, commentStart(this.full));
    for (const m of code.matchAll(/\b([A-Za-z]+)\s*=(?!>)/g)) present.add(m[1].toLowerCase());
    const items: CompletionEntry[] = [];
    const add = (name: string, label: string, entry: Omit<CompletionEntry, 'kind' | 'label'>) => { if (!present.has(name)) items.push({ label, kind: 'field', ...entry }); };
    if (arrow === '~>') add('id', 'id=', { insertText: `id=${this.freshId()} `, detail: this.tr('editor.field.idRequired'), preselect: true });
    add('seq', 'seq=', { insertText: 'seq=', retrigger: true, detail: this.tr('editor.field.seq') });
    add('ack', 'ack=', { insertText: 'ack=', retrigger: true, detail: this.tr('editor.field.ack') });
    if (!present.has('data')) add('len', 'len=', { insertText: 'len=${1:100}', snippet: true, detail: this.tr('editor.field.len') });
    if (!present.has('len')) add('data', 'data=""', { insertText: 'data="${1}"', snippet: true, detail: this.tr('editor.field.data') });
    add('win', 'win=', { insertText: 'win=${1:65535}', snippet: true, detail: this.tr('editor.field.win') });
    if (arrow !== '~>') add('id', 'id=', { insertText: `id=${this.freshId()}`, detail: this.tr('editor.field.id') });
    return items;
  }

  private assertTail(): CompletionEntry[] {
    const states = this.statesAfterLine();
    return states ? [this.assertAllItem(states)] : [{ label: '=>', kind: 'assertion', insertText: '=> ', detail: this.tr('editor.completion.assert'), retrigger: true }];
  }

  private assertAllItem(states: TcpState[]): CompletionEntry {
    const text = this.analysis.endpoints.map((e, i) => `${e.name} ${states[i]}`).join(', ');
    return { label: `=> ${text}`, kind: 'assertion', insertText: `=> ${text}`, detail: this.tr('editor.completion.statesAfter'), documentation: statesLabel(this.analysis, states) };
  }

  /** States after this line when it runs an event; otherwise undefined. */
  private statesAfterLine(): TcpState[] | undefined {
    const i = this.analysis.stepAtLine[this.line];
    return i !== undefined && i >= 0 ? this.analysis.steps[i].states : undefined;
  }

  private valueItems(field: 'seq' | 'ack' | 'id', start: number): CompletionResult {
    const suffix = /^[A-Za-z0-9_+\-]*/.exec(this.full.slice(this.prefix.length))?.[0] ?? '';
    const replace = range(this.line, start, this.prefix.length + suffix.length);
    const { toks, old } = this.segmentTokens()!;
    const sender = toks[0];
    if (field === 'id') {
      return { context: 'id', range: replace, items: [{ label: this.freshId(), kind: 'id', detail: this.tr('editor.completion.freshId'), preselect: true, range: replace }] };
    }
    const flagWords = toks.slice(3).filter((t) => t !== ':' && !/^[+,|/]$/.test(t));
    const end = flagWords.findIndex((t, k) => isWord(t) && flagWords[k + 1] === '=');
    const flags = flagSet(end < 0 ? flagWords : flagWords.slice(0, end));
    const expected: ExpectedValue | undefined = old ? undefined : field === 'seq' ? expectedSeq(this.analysis, this.line, sender, flags) : expectedAck(this.analysis, this.line, sender);
    const items: CompletionEntry[] = [];
    if (expected) {
      items.push({ label: expected.text, kind: 'value', preselect: true, range: replace, insertText: `${expected.text} `,
        detail: expected.free ? this.tr(expected.why.id === 'editor.why.iss' ? 'editor.completion.newIss' : 'editor.completion.anyValue') : this.tr('editor.completion.expected', { field }), documentation: formatText(this.lang, expected.why) });
    }
    for (const b of this.analysis.symbols.values()) {
      if (b.line >= this.line || items.some((i) => i.label === b.name)) continue;
      items.push({ label: b.name, kind: 'value', range: replace, detail: this.tr('editor.completion.symbolBound', { line: b.line + 1 }) });
    }
    return { context: field, range: replace, items };
  }

  // ---- assertions, deliver ----

  private assertionItems(after: string[], start: number): CompletionResult {
    const states = this.statesAfterLine() ?? stepBefore(this.analysis, this.line)?.states ?? this.analysis.endpoints.map((e) => e.initial);
    const last = after[after.length - 1];
    const words = after.filter((t) => t !== ',' && t !== ';' && t !== ':' && t !== '=');
    const expectingState = words.length % 2 === 1 && last !== ',' && last !== ';';
    if (expectingState) {
      const i = endpointIndex(this.analysis, words[words.length - 1]);
      const real = i >= 0 ? states[i] : undefined;
      return this.result('assertion-state', start, stateItems(STATES, real, this.lang));
    }
    const asserted = new Set(words.filter((_, k) => k % 2 === 0));
    const items: CompletionEntry[] = [];
    if (words.length === 0) {
      const text = this.analysis.endpoints.map((e, i) => `${e.name} ${states[i]}`).join(', ');
      if (text) items.push({ label: text, kind: 'assertion', detail: this.tr('editor.completion.statesHere'), preselect: true });
    }
    this.analysis.endpoints.forEach((e, i) => {
      if (asserted.has(e.name)) return;
      items.push({ label: e.name, kind: 'endpoint', insertText: `${e.name} `, detail: this.tr('editor.completion.isHere', { endpoint: e.name, state: states[i] }), retrigger: true });
    });
    return this.result('assertion-endpoint', start, items);
  }

  private deliverItems(before: string[], start: number): CompletionResult {
    if (before.includes('=>')) return this.assertionItems(before.slice(before.indexOf('=>') + 1), start);
    const listed = new Set(before.slice(1));
    const items: CompletionEntry[] = [];
    for (const s of this.analysis.segments) {
      const st = s.statement;
      if (st.arrow !== '~>' || !st.id || st.line >= this.line || listed.has(st.id.name)) continue;
      if (s.deliveredLine !== undefined && s.deliveredLine < this.line) continue;
      items.push({ label: st.id.name, kind: 'id', detail: this.tr('editor.completion.inFlightId', { segment: `${st.src.name} ~> ${st.dst.name}: ${st.flags.join('+')}`, line: st.line + 1 }), preselect: items.length === 0 || undefined });
    }
    return this.result('deliver', start, items);
  }

  private freshId(): string {
    const used = new Set<string>();
    for (const s of this.analysis.segments) if (s.statement.id) used.add(s.statement.id.name);
    for (let i = 1; ; i++) if (!used.has(`s${i}`)) return `s${i}`;
  }
}
