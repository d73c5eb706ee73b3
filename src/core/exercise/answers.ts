// Reading what a student wrote in a blank: an EXPR (contract 2.3), a number, flags, a state.
import type { SymbolBinding } from '../analysis.ts';
import { add, concrete, equal, type Value } from '../sequence.ts';
import { parseState } from '../states.ts';
import type { KeyEntry } from './types.ts';

const SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;

/** A number 0..2^32-1 (decimal or 0x hex), or undefined. */
export function readNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n <= 0xffff_ffff ? n : undefined;
}

export interface ReadExpr { symbol?: string; offset: number }

/** `x`, `x+1`, `1+x`, `1001`, `0x10+x`: terms joined by `+`, at most one symbol. */
export function readExpr(text: string): ReadExpr | undefined {
  const terms = text.replace(/＋/g, '+').split('+').map((s) => s.trim());
  let symbol: string | undefined;
  let offset = 0;
  for (const term of terms) {
    if (SYMBOL.test(term)) {
      if (symbol !== undefined) return undefined;
      symbol = term;
      continue;
    }
    const n = readNumber(term);
    if (n === undefined) return undefined;
    offset = (offset + n) % 0x1_0000_0000;
  }
  return symbol === undefined ? { offset } : { symbol, offset };
}

const WORDS = new Set(['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR']);
const LETTERS: Record<string, string> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH' };

/**
 * Flags as the key writes them (`SYN+ACK`, `FIN+ACK`, `ACK`), PSH left out (it may be added to any);
 * undefined when a word is no flag or a flag outside SYN/ACK/FIN/RST is set.
 */
export function readFlags(text: string): string | undefined {
  const set = new Set<string>();
  const words = text.replace(/[[\]]/g, ' ').split(/[+,|/\s]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  for (const w of words) {
    const upper = w.toUpperCase();
    if (WORDS.has(upper)) { set.add(upper); continue; }
    const m = /^([SFRP]*)(\.?)$/i.exec(w);
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    for (const c of m[1]!.toUpperCase()) set.add(LETTERS[c]!);
    if (m[2]) set.add('ACK');
  }
  set.delete('PSH');
  if (['URG', 'ECE', 'CWR'].some((f) => set.has(f))) return undefined;
  const main = ['SYN', 'FIN', 'RST'].filter((f) => set.has(f));
  if (set.has('ACK')) main.push('ACK');
  return main.length ? main.join('+') : undefined;
}

export type Verdict = { correct: boolean; filled: boolean };

/** Is `given` right for the blank, under the exercise's symbol bindings? */
export function judge(e: KeyEntry, given: string | undefined, symbols: ReadonlyMap<string, SymbolBinding>): Verdict {
  const text = given?.trim() ?? '';
  if (text === '' || text === '?') return { correct: false, filled: false };
  const filled = { filled: true };
  switch (e.kind) {
    case 'seq': case 'ack': {
      const expr = readExpr(text);
      if (!expr) return { correct: false, ...filled };
      if (e.any) return { correct: true, ...filled };
      let value: Value = concrete(expr.offset);
      if (expr.symbol !== undefined) {
        const b = symbols.get(expr.symbol);
        if (!b) return { correct: false, ...filled };
        value = add(b.value, expr.offset);
      }
      return { correct: equal(value, e.value), ...filled };
    }
    case 'len': case 'win': {
      const n = readNumber(text);
      if (n === undefined) return { correct: false, ...filled };
      if (e.any) return { correct: true, ...filled };
      return { correct: e.atLeast ? n >= (e.number ?? 0) : n === e.number, ...filled };
    }
    case 'flags': {
      const f = readFlags(text);
      return { correct: f !== undefined && (e.alternatives ?? [e.answer]).includes(f), ...filled };
    }
    case 'state':
      return { correct: parseState(text) === e.answer, ...filled };
  }
}
