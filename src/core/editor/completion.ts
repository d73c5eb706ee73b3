// Completion: what can be typed at a position, read from the text before the cursor and the analysis.
// Pure: (analysis, text, position) -> plain items; the extension maps them to vscode.CompletionItem.
import type { Analysis } from '../analysis.ts';
import { FLAG_ORDER } from '../syntax/parseSegment.ts';
import { STATES } from '../states.ts';
import type { Position, Range, TcpState } from '../syntax/syntax.ts';
import { expectedAck, expectedSeq, senderBefore, type ExpectedValue, type FlagsSeen } from './expected.ts';
import { commentStart, endpointIndex, lineText, range, stepBefore, statesLabel } from './positions.ts';
import { stateSummary } from './stateDocs.ts';

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
  context: 'none' | 'line-start' | 'after-name' | 'receiver' | 'flags' | 'fields' | 'seq' | 'ack' | 'id' | 'states' | 'assertion-endpoint' | 'assertion-state' | 'endpoint-state' | 'deliver' | 'note';
  /** The partial word being typed, replaced by the items. */
  range: Range;
  items: CompletionEntry[];
}

const KEYWORDS = ['title', 'endpoint', 'expect', 'deliver', 'note'];
const TOKEN = /->|~>|-x(?![A-Za-z0-9_])|=>|==|"(?:[^"\\]|\\.)*"?|[A-Za-z_][A-Za-z0-9_]*|[0-9][A-Za-z0-9_]*|\S/g;

function tokens(s: string): string[] { return s.match(TOKEN) ?? []; }
const isArrow = (t: string | undefined) => t === '->' || t === '~>' || t === '-x';
const isWord = (t: string | undefined) => t !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t);

/** Completion items at a position. Never throws; an unknown place gives no items. */
export function completionsAt(analysis: Analysis, text: string, position: Position): CompletionResult {
  const full = lineText(text, position.line);
  const prefix = full.slice(0, Math.min(position.character, full.length));
  const empty = (context: CompletionResult['context'] = 'none'): CompletionResult => ({ context, range: range(position.line, prefix.length, prefix.length), items: [] });
  if (commentStart(prefix) < prefix.length || insideString(prefix)) return empty();
  const c = new Completer(analysis, position.line, prefix, full);
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

class Completer {
  private readonly line: number;
  constructor(private readonly analysis: Analysis, line: number, private readonly prefix: string, private readonly full: string) { this.line = line; }

  private partial(pattern: RegExp): { start: number; before: string[] } {
    const m = pattern.exec(this.prefix);
    const start = m ? m.index : this.prefix.length;
    return { start, before: tokens(this.prefix.slice(0, start)) };
  }

  private result(context: CompletionResult['context'], start: number, items: CompletionEntry[]): CompletionResult {
    return { context, range: range(this.line, start, this.prefix.length), items };
  }

  run(): CompletionResult {
    const value = /\b(seq|ack|id)\s*=\s*([A-Za-z0-9_+\-]*)$/i.exec(this.prefix);
    if (value && this.isSegmentLine()) return this.valueItems(value[1].toLowerCase() as 'seq' | 'ack' | 'id', this.prefix.length - value[2].length);
    if (/^\s*=+$/.test(this.prefix)) {
      const start = this.prefix.indexOf('=');
      return this.result('line-start', start, [{ label: '== Section ==', kind: 'keyword', insertText: '== ${1:Handshake} ==', snippet: true, detail: 'a section (a phase such as "Handshake")' }]);
    }
    const { start, before } = this.partial(/[A-Za-z0-9_.\-]*$/);
    const first = before[0];
    if (before.length === 0) return this.result('line-start', start, this.lineStartItems());
    if (first === '==') return this.result('none', start, []);
    const keyword = first.toLowerCase();
    if (before.length >= 1 && keyword === 'expect' && !isArrow(before[1])) return this.assertionItems(before.slice(1), start);
    if (keyword === 'endpoint' && !isArrow(before[1])) return this.endpointDeclItems(before, start);
    if (keyword === 'deliver' && !isArrow(before[1])) return this.deliverItems(before, start);
    if (keyword === 'note' && before.length === 1) {
      return this.result('note', start, this.analysis.endpoints.map((e) => ({ label: e.name, kind: 'endpoint' as const, insertText: `${e.name}: `, detail: `a note over ${e.name}` })));
    }
    if (keyword === 'title' || keyword === 'note') return this.result('none', start, []);
    if (!isWord(first)) return this.result('none', start, []);
    const arrowAt = before.findIndex(isArrow);
    if (arrowAt === 1) return this.segmentItems(before, start);
    if (before.length === 1) return this.result('after-name', start, this.afterNameItems(first));
    const assertAt = before.indexOf('=>');
    if (assertAt >= 0) return this.assertionItems(before.slice(assertAt + 1), start);
    if (before.length === 2 && /^wait$/i.test(before[1])) return this.result('fields', start, [{ label: '2MSL', kind: 'keyword', detail: 'twice the maximum segment lifetime: TIME_WAIT -> CLOSED', preselect: true }]);
    if (before.length === 2 || (before.length === 3 && /^wait$/i.test(before[1]))) {
      const states = this.statesAfterLine();
      return this.result('fields', start, states ? [this.assertAllItem(states)] : []);
    }
    return this.result('none', start, []);
  }

  private isSegmentLine(): boolean { return isArrow(tokens(this.prefix)[1]); }

  // ---- line start, names ----

  private lineStartItems(): CompletionEntry[] {
    const items: CompletionEntry[] = this.analysis.endpoints.map((e) => ({ label: e.name, kind: 'endpoint', detail: `endpoint (${e.label !== e.name ? e.label + ', ' : ''}starts ${e.initial})`, insertText: `${e.name} `, retrigger: true }));
    const snippets: Record<string, string> = {
      title: 'title ${1:Three-way handshake}', endpoint: 'endpoint ${1:client}', expect: 'expect ', deliver: 'deliver ', note: 'note: ${1:text}',
    };
    const details: Record<string, string> = {
      title: 'the diagram\'s title', endpoint: 'declare an endpoint: `endpoint NAME [CLOSED|LISTEN] [as "LABEL"]`', expect: 'assert states: `expect NAME STATE[, NAME STATE]`',
      deliver: 'deliver in-flight (`~>`) segments: `deliver ID[, ID]`', note: 'a note in the diagram: `note [NAME]: TEXT`',
    };
    for (const k of KEYWORDS) items.push({ label: k, kind: 'keyword', insertText: snippets[k], snippet: true, detail: details[k], retrigger: k === 'expect' || k === 'deliver' });
    items.push({ label: '== Section ==', kind: 'keyword', insertText: '== ${1:Handshake} ==', snippet: true, detail: 'a section (a phase such as "Handshake")' });
    return items;
  }

  private afterNameItems(name: string): CompletionEntry[] {
    const other = this.analysis.endpoints.find((e) => e.name !== name)?.name ?? 'server';
    const state = senderBefore(this.analysis, name, this.line)?.state;
    const items: CompletionEntry[] = [
      { label: '->', kind: 'arrow', insertText: `-> ${other}: `, detail: `a segment ${name} sends and ${other} receives`, retrigger: true },
      { label: '-x', kind: 'arrow', insertText: `-x ${other}: `, detail: 'a segment that is lost: the receiver never gets it', retrigger: true },
      { label: '~>', kind: 'arrow', insertText: `~> ${other}: `, detail: 'a segment in flight, received at a later `deliver ID` (needs id=)', retrigger: true },
    ];
    const actions: [string, string, TcpState[]][] = [
      ['listen', 'passive open: CLOSED -> LISTEN', ['CLOSED']],
      ['close', 'close before the connection is synchronized: LISTEN or SYN_SENT -> CLOSED', ['LISTEN', 'SYN_SENT']],
      ['wait 2MSL', 'the TIME_WAIT timeout: TIME_WAIT -> CLOSED', ['TIME_WAIT']],
    ];
    for (const [label, detail, from] of actions) {
      const applies = state !== undefined && from.includes(state);
      items.push({ label, kind: 'action', detail: `${detail}${state ? (applies ? '' : ` (${name} is ${state})`) : ''}`, preselect: applies || undefined });
    }
    // An action that applies in the current state goes first.
    return items.sort((a, b) => Number(!!b.preselect) - Number(!!a.preselect));
  }

  // ---- segments ----

  private segmentItems(before: string[], start: number): CompletionResult {
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
    const nothingAfter = this.full.slice(this.prefix.length).trim() === '' || commentStart(this.full.slice(this.prefix.length).trim()) === 0;
    if (fieldStart < 0) {
      const lastTok = rest[rest.length - 1];
      const joining = lastTok !== undefined && /^[+,|/]$/.test(lastTok);
      if (flagWords.length === 0 || joining) return this.result('flags', start, this.flagItems(sender, flagWords.length === 0, flags, nothingAfter, before[1]));
      // after a flag word: a field, another flag (`FIN ACK`), or the assertion
      const more = this.flagItems(sender, false, flags, false, before[1]).map((f) => ({ ...f, preselect: undefined }));
      return this.result('fields', start, [...this.fieldItems(before[1]), ...more, ...this.assertTail()]);
    }
    return this.result('fields', start, [...this.fieldItems(before[1]), ...this.assertTail()]);
  }

  private flagItems(sender: string, first: boolean, present: FlagsSeen & { names: Set<string> }, wholeSegments: boolean, arrow: string): CompletionEntry[] {
    const ctx = senderBefore(this.analysis, sender, this.line);
    const state = ctx?.state;
    const likely = state ? likelyFlags(state, !!ctx?.tcb?.iss) : [];
    const items: CompletionEntry[] = [];
    if (first && wholeSegments && ctx) items.push(...this.wholeSegmentItems(sender, likely, arrow));
    if (items.length) items[0].preselect = true;
    const combos = first ? [...likely, 'SYN', 'SYN+ACK', 'ACK', 'FIN+ACK', 'PSH+ACK', 'RST', 'RST+ACK', 'FIN'] : [];
    const singles = FLAG_ORDER.filter((f) => !present.names.has(f));
    const seen = new Set<string>();
    for (const label of [...combos, ...singles]) {
      if (seen.has(label)) continue;
      seen.add(label);
      const isLikely = likely.includes(label);
      items.push({ label, kind: 'flag', detail: isLikely && state ? `${sender} can send this in ${state}` : flagDetail(label), preselect: (first && label === likely[0] && !items.some((x) => x.preselect)) || undefined, insertText: `${label} `, retrigger: true });
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
      const payload = flags === 'PSH+ACK' ? ' len=${1:100}' : '';
      const id = arrow === '~>' ? ` id=${this.freshId()}` : '';
      const label = `${flags} seq=${seq.text}${ack ? ` ack=${ack.text}` : ''}${payload ? ' len=…' : ''}${id}`;
      out.push({
        label, kind: 'segment', insertText: `${flags} seq=${seq.text}${ack ? ` ack=${ack.text}` : ''}${payload}${id}`, snippet: true,
        detail: 'the whole segment, with the values the validator expects',
        documentation: `seq: ${seq.why}${ack ? `\n\nack: ${ack.why}` : ''}`,
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
    if (arrow === '~>') add('id', 'id=', { insertText: `id=${this.freshId()} `, detail: 'the name `deliver` uses (required on `~>`)', preselect: true });
    add('seq', 'seq=', { insertText: 'seq=', retrigger: true, detail: 'sequence number of the first octet (or of the SYN/FIN)' });
    add('ack', 'ack=', { insertText: 'ack=', retrigger: true, detail: 'acknowledgment number: the next octet expected from the peer' });
    if (!present.has('data')) add('len', 'len=', { insertText: 'len=${1:100}', snippet: true, detail: 'payload length in octets' });
    if (!present.has('len')) add('data', 'data=""', { insertText: 'data="${1}"', snippet: true, detail: 'payload as text (its length is its UTF-8 octet count)' });
    add('win', 'win=', { insertText: 'win=${1:65535}', snippet: true, detail: 'advertised window (shown, not validated)' });
    if (arrow !== '~>') add('id', 'id=', { insertText: `id=${this.freshId()}`, detail: 'a name for the segment (for `deliver`)' });
    return items;
  }

  private assertTail(): CompletionEntry[] {
    const states = this.statesAfterLine();
    return states ? [this.assertAllItem(states)] : [{ label: '=>', kind: 'assertion', insertText: '=> ', detail: 'assert the endpoints\' states after this line', retrigger: true }];
  }

  private assertAllItem(states: TcpState[]): CompletionEntry {
    const text = this.analysis.endpoints.map((e, i) => `${e.name} ${states[i]}`).join(', ');
    return { label: `=> ${text}`, kind: 'assertion', insertText: `=> ${text}`, detail: 'the states after this line', documentation: statesLabel(this.analysis, states) };
  }

  /** States after this line when it runs an event; otherwise undefined. */
  private statesAfterLine(): TcpState[] | undefined {
    const i = this.analysis.stepAtLine[this.line];
    return i !== undefined && i >= 0 ? this.analysis.steps[i].states : undefined;
  }

  private valueItems(field: 'seq' | 'ack' | 'id', start: number): CompletionResult {
    const suffix = /^[A-Za-z0-9_+\-]*/.exec(this.full.slice(this.prefix.length))?.[0] ?? '';
    const replace = range(this.line, start, this.prefix.length + suffix.length);
    const toks = tokens(this.prefix);
    const sender = toks[0];
    if (field === 'id') {
      return { context: 'id', range: replace, items: [{ label: this.freshId(), kind: 'id', detail: 'an id no other segment uses', preselect: true, range: replace }] };
    }
    const flagWords = toks.slice(3).filter((t) => t !== ':' && !/^[+,|/]$/.test(t));
    const end = flagWords.findIndex((t, k) => isWord(t) && flagWords[k + 1] === '=');
    const flags = flagSet(end < 0 ? flagWords : flagWords.slice(0, end));
    const expected: ExpectedValue | undefined = field === 'seq' ? expectedSeq(this.analysis, this.line, sender, flags) : expectedAck(this.analysis, this.line, sender);
    const items: CompletionEntry[] = [];
    if (expected) {
      items.push({ label: expected.text, kind: 'value', preselect: true, range: replace, insertText: `${expected.text} `,
        detail: expected.free ? `a new ISS (any value is right)` : `expected ${field}`, documentation: expected.why });
    }
    for (const b of this.analysis.symbols.values()) {
      if (b.line >= this.line || items.some((i) => i.label === b.name)) continue;
      items.push({ label: b.name, kind: 'value', range: replace, detail: `symbol bound on line ${b.line + 1}` });
    }
    return { context: field, range: replace, items };
  }

  // ---- assertions, declarations, deliver ----

  private assertionItems(after: string[], start: number): CompletionResult {
    const states = this.statesAfterLine() ?? stepBefore(this.analysis, this.line)?.states ?? this.analysis.endpoints.map((e) => e.initial);
    const last = after[after.length - 1];
    const words = after.filter((t) => t !== ',' && t !== ';' && t !== ':' && t !== '=');
    const expectingState = words.length % 2 === 1 && last !== ',' && last !== ';';
    if (expectingState) {
      const i = endpointIndex(this.analysis, words[words.length - 1]);
      const real = i >= 0 ? states[i] : undefined;
      return this.result('assertion-state', start, stateItems(STATES, real));
    }
    const asserted = new Set(words.filter((_, k) => k % 2 === 0));
    const items: CompletionEntry[] = [];
    if (words.length === 0) {
      const text = this.analysis.endpoints.map((e, i) => `${e.name} ${states[i]}`).join(', ');
      if (text) items.push({ label: text, kind: 'assertion', detail: 'the states here', preselect: true });
    }
    this.analysis.endpoints.forEach((e, i) => {
      if (asserted.has(e.name)) return;
      items.push({ label: e.name, kind: 'endpoint', insertText: `${e.name} `, detail: `${e.name} is ${states[i]} here`, retrigger: true });
    });
    return this.result('assertion-endpoint', start, items);
  }

  private endpointDeclItems(before: string[], start: number): CompletionResult {
    if (before.length === 1) {
      const declared = new Set(this.analysis.endpoints.filter((e) => e.declared).map((e) => e.name));
      const used = new Set<string>();
      for (const s of this.analysis.segments) { used.add(s.statement.src.name); if (s.statement.dst.name) used.add(s.statement.dst.name); }
      const names = [...used].filter((n) => !declared.has(n));
      if (names.length === 0) names.push(...['client', 'server'].filter((n) => !declared.has(n)));
      return this.result('none', start, names.map((n) => ({ label: n, kind: 'endpoint', insertText: `${n} `, detail: 'endpoint name' })));
    }
    if (before.length === 2) {
      const items = stateItems(['CLOSED', 'LISTEN'], undefined);
      items[0].detail = 'starts closed: it will open the connection (active open) — the default';
      items[1].detail = 'starts listening: it waits for a SYN (passive open, a server)';
      items.push({ label: 'as "…"', kind: 'keyword', insertText: 'as "${1:label}"', snippet: true, detail: 'the name the diagram shows' });
      return this.result('endpoint-state', start, items);
    }
    if (before.length === 3 && !/^as$/i.test(before[2])) return this.result('none', start, [{ label: 'as "…"', kind: 'keyword', insertText: 'as "${1:label}"', snippet: true, detail: 'the name the diagram shows' }]);
    return this.result('none', start, []);
  }

  private deliverItems(before: string[], start: number): CompletionResult {
    if (before.includes('=>')) return this.assertionItems(before.slice(before.indexOf('=>') + 1), start);
    const listed = new Set(before.slice(1));
    const items: CompletionEntry[] = [];
    for (const s of this.analysis.segments) {
      const st = s.statement;
      if (st.arrow !== '~>' || !st.id || st.line >= this.line || listed.has(st.id.name)) continue;
      if (s.deliveredLine !== undefined && s.deliveredLine < this.line) continue;
      items.push({ label: st.id.name, kind: 'id', detail: `${st.src.name} ~> ${st.dst.name}: ${st.flags.join('+')} (line ${st.line + 1}), in flight`, preselect: items.length === 0 || undefined });
    }
    return this.result('deliver', start, items);
  }

  private freshId(): string {
    const used = new Set<string>();
    for (const s of this.analysis.segments) if (s.statement.id) used.add(s.statement.id.name);
    for (let i = 1; ; i++) if (!used.has(`s${i}`)) return `s${i}`;
  }
}

function stateItems(states: readonly TcpState[], real: TcpState | undefined): CompletionEntry[] {
  const items: CompletionEntry[] = states.map((s) => ({ label: s, kind: 'state', detail: stateSummary(s), preselect: s === real || undefined }));
  if (real) items.sort((a, b) => Number(b.label === real) - Number(a.label === real));
  if (real) items[0].detail = `the state here — ${stateSummary(real)}`;
  return items;
}

function flagSet(words: string[]): FlagsSeen & { names: Set<string> } {
  const names = new Set<string>();
  for (const w of words) {
    const u = w.toUpperCase();
    if ((FLAG_ORDER as readonly string[]).includes(u)) names.add(u);
    else if (/^[SFRP]*\.?$/.test(u)) for (const ch of u) names.add({ S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK' }[ch]!);
  }
  return { names, syn: names.has('SYN'), ack: names.has('ACK'), rst: names.has('RST') };
}

/** Flags an endpoint in `state` would normally send next, most likely first. */
export function likelyFlags(state: TcpState, hasIss: boolean): string[] {
  switch (state) {
    case 'CLOSED': case 'LISTEN': return ['SYN'];
    case 'SYN_SENT': return ['SYN', 'RST'];
    case 'SYN_RECEIVED': return hasIss ? ['SYN+ACK', 'ACK', 'RST'] : ['SYN+ACK', 'RST'];
    case 'ESTABLISHED': return ['ACK', 'PSH+ACK', 'FIN+ACK', 'RST'];
    case 'CLOSE_WAIT': return ['FIN+ACK', 'ACK', 'PSH+ACK', 'RST'];
    case 'LAST_ACK': return ['FIN+ACK', 'RST'];
    case 'FIN_WAIT_1': case 'FIN_WAIT_2': case 'CLOSING': case 'TIME_WAIT': return ['ACK', 'RST'];
  }
}

function flagDetail(label: string): string {
  const d: Record<string, string> = {
    SYN: 'synchronize: opens a connection, carries the ISS', ACK: 'the ack field is valid', FIN: 'no more data from the sender',
    RST: 'reset: abort, or refuse a segment', PSH: 'push the data to the application', URG: 'urgent pointer is valid',
    ECE: 'ECN echo', CWR: 'congestion window reduced', 'SYN+ACK': 'answer to a SYN', 'FIN+ACK': 'close, acknowledging the peer',
    'PSH+ACK': 'data, pushed', 'RST+ACK': 'reset answering a segment without ACK',
  };
  return d[label] ?? '';
}
