// What a flag word means (contract 2.3): long names, packetdrill's short form (`S.`), tcpdump's bracketed
// form (`[S.]`), and for a word that means nothing, the fix most likely meant (only when it is plausible).
import { typoDistance } from '../suggest.ts';
import type { FlagName } from './syntax.ts';

const LONG: readonly FlagName[] = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'];
const LONG_SET = new Set<string>(LONG);
/** packetdrill's letters (2.3) and, inside tcpdump's brackets, also U, E and W (tcpdump prints them). */
const LETTER: Record<string, FlagName> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK', U: 'URG', E: 'ECE', W: 'CWR' };

/** The flags of a flag word, or undefined when it is not one. */
export function classifyFlagWord(text: string): FlagName[] | undefined {
  const upper = text.toUpperCase();
  if (LONG_SET.has(upper)) return [upper as FlagName];
  if (/^[SFRP]*\.?$/.test(upper) && upper.length > 0) return [...upper].map((c) => LETTER[c]);
  const inner = /^\[([^\]]*)\]$/.exec(upper)?.[1];
  if (inner === undefined) return undefined;
  if (LONG_SET.has(inner)) return [inner as FlagName];
  if (/^[SFRPUEW.]+$/.test(inner) && new Set(inner).size === inner.length) return [...inner].map((c) => LETTER[c]);
  return undefined;
}

/** The message id for an unknown flag word, and a replacement when one is plausible. */
export function flagSuggestion(text: string): { id: string; suggestion?: string } {
  if (text.startsWith('[') && !text.endsWith(']')) {
    const closed = text + ']';
    return classifyFlagWord(closed) ? { id: 'parser.flags.unclosed', suggestion: closed } : { id: 'parser.flags.unclosedBad' };
  }
  if (text.endsWith(']') && !text.startsWith('[')) {
    const opened = '[' + text;
    return classifyFlagWord(opened) ? { id: 'parser.flags.unopened', suggestion: opened } : { id: 'parser.flags.unknown' };
  }
  const suggestion = plausibleFlags(text.toUpperCase());
  return suggestion ? { id: 'parser.flags.unknownSuggest', suggestion } : { id: 'parser.flags.unknown' };
}

/**
 * A replacement that a typist plausibly meant: one slip away from a flag name (`SYNN`, `AKC`, `SN`), or
 * flag names run together or joined by `-`/`_` (`SYNACK`, `SYN-ACK` -> `SYN+ACK`). Nothing for anything
 * else: a wrong suggestion is worse than none.
 */
function plausibleFlags(upper: string): string | undefined {
  if (/^[A-Z]+([-_][A-Z]+)+$/.test(upper)) {
    const parts = upper.split(/[-_]/);
    return parts.every((p) => LONG_SET.has(p)) ? parts.join('+') : undefined;
  }
  if (!/^[A-Z]+$/.test(upper)) return undefined;
  if (upper.length >= 6 && upper.length % 3 === 0) {
    const parts = upper.match(/.{3}/g)!;
    if (parts.every((p) => LONG_SET.has(p))) return parts.join('+');
  }
  if (upper.length < 2 || upper.length > 4) return undefined;
  let best: FlagName | undefined;
  for (const f of LONG) if (typoDistance(upper, f) <= 1) { if (best) return undefined; best = f; }
  return best;
}
