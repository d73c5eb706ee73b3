// Fixed knowledge behind completion: which flags a state sends next, what each flag means, the state
// items. Words come from the editor catalog (src/core/i18n/catalog/editor.*.ts).
import { formatText, t } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import { FLAG_ORDER } from '../syntax/parseSegment.ts';
import type { TcpState } from '../syntax/syntax.ts';
import { stateSummary } from './stateDocs.ts';
import type { FlagsSeen } from './expected.ts';

/** A message of the editor catalog in `lang`. */
export function tr(lang: Lang, id: string, params?: Parameters<typeof t>[1]): string {
  return formatText(lang, t(id, params));
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
    default: return []; // a state hidden from a student doing an exercise (`?`)
  }
}

const FLAG_IDS: Record<string, string> = {
  SYN: 'syn', ACK: 'ack', FIN: 'fin', RST: 'rst', PSH: 'psh', URG: 'urg', ECE: 'ece', CWR: 'cwr',
  'SYN+ACK': 'synAck', 'FIN+ACK': 'finAck', 'PSH+ACK': 'pshAck', 'RST+ACK': 'rstAck',
};

/** What a flag (or a usual combination) means, in one line. */
export function flagDetail(label: string, lang: Lang): string {
  const id = FLAG_IDS[label];
  return id ? tr(lang, `editor.flag.${id}`) : '';
}

/** The set of flags written so far (long names and packetdrill letters). */
export function flagSet(words: string[]): FlagsSeen & { names: Set<string> } {
  const names = new Set<string>();
  for (const w of words) {
    const u = w.toUpperCase().replace(/^\[|\]$/g, '');
    if ((FLAG_ORDER as readonly string[]).includes(u)) names.add(u);
    else if (/^[SFRP]*\.?$/.test(u)) for (const ch of u) names.add({ S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK' }[ch]!);
  }
  return { names, syn: names.has('SYN'), ack: names.has('ACK'), rst: names.has('RST') };
}

export interface StateItem { label: string; kind: 'state'; detail: string; preselect?: boolean }

/** Items for state names, the real state (when known) first and preselected. */
export function stateItems(states: readonly TcpState[], real: TcpState | undefined, lang: Lang): StateItem[] {
  const items: StateItem[] = states.map((s) => ({ label: s, kind: 'state', detail: stateSummary(s, lang), preselect: s === real || undefined }));
  if (real) items.sort((a, b) => Number(b.label === real) - Number(a.label === real));
  if (real) items[0].detail = tr(lang, 'editor.completion.stateHere', { summary: stateSummary(real, lang) });
  return items;
}

/** Actions: the label, its catalog id and the states where it applies. */
export const ACTIONS: readonly { label: string; id: string; from: readonly TcpState[] }[] = [
  { label: 'listen', id: 'listen', from: ['CLOSED'] },
  { label: 'close', id: 'close', from: ['LISTEN', 'SYN_SENT'] },
  { label: 'wait 2MSL', id: 'wait', from: ['TIME_WAIT'] },
  { label: 'crash', id: 'crash', from: ['LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'] },
];
