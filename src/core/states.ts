// The TCP states (RFC 9293 3.3.2) and every spelling of them that section 3 of the contract accepts.
import type { TcpState } from './syntax/syntax.ts';

export const STATES: readonly TcpState[] = [
  'CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED',
  'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT',
];

const SPELLINGS = new Map<string, TcpState>();
for (const s of STATES) SPELLINGS.set(s, s);
for (const [alias, s] of [
  ['SYN_SEND', 'SYN_SENT'], ['SYN_RCVD', 'SYN_RECEIVED'], ['SYN_RECV', 'SYN_RECEIVED'],
  ['FIN_WAIT1', 'FIN_WAIT_1'], ['FIN_WAIT2', 'FIN_WAIT_2'],
] as const) SPELLINGS.set(alias, s);

/** The canonical state for any accepted spelling (case-insensitive, `-` for `_`), or undefined. */
export function parseState(text: string): TcpState | undefined {
  if (SPELLINGS.has(text)) return SPELLINGS.get(text);
  return SPELLINGS.get(text.toUpperCase().replace(/-/g, '_'));
}

/** Every accepted spelling, canonical first (for completion and suggestions). */
export function stateSpellings(): string[] { return [...SPELLINGS.keys()]; }

/** States where the endpoint has received the peer's SYN (4.1). */
export function isSynchronized(s: TcpState): boolean {
  return s !== 'CLOSED' && s !== 'LISTEN' && s !== 'SYN_SENT';
}
