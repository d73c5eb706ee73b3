// Variants of an exercise (issue 10): the same exchange with new random initial sequence numbers, one
// per student. Every number of one sequence space moves together (ISN, the seqs after it, the acks of
// the peer), so the exchange stays right; symbols are written out as numbers. Blanks stay blanks.
import type { Analysis } from '../analysis.ts';
import { add, concrete, unsigned, type Value } from '../sequence.ts';
import type { Expr } from '../syntax/syntax.ts';
import { analyzeExercise } from './analyzeExercise.ts';
import { substitute, type Replacement } from './substitute.ts';
import { parse } from '../syntax/parser.ts';

const TWO_32 = 0x1_0000_0000;

export interface VariantOptions {
  random: () => number;
  /** Put each initial sequence number close enough below 2^32 that the exchange wraps around. */
  wrap?: boolean;
}

interface Placed { expr: Expr; space: number; value: Value }

function valueOf(analysis: Analysis, e: Expr): Value | undefined {
  if (e.symbol === undefined) return concrete(e.offset);
  const b = analysis.symbols.get(e.symbol);
  return b ? add(b.value, e.offset) : undefined;
}

/** Every written seq/ack/snd/rcv, with the sequence space (the endpoint whose numbers it counts). */
function placedValues(text: string, analysis: Analysis): Placed[] {
  const names = analysis.endpoints.map((e) => e.name);
  const space = (name: string) => names.indexOf(name);
  const out: Placed[] = [];
  const put = (expr: Expr | undefined, s: number) => {
    if (!expr || s < 0) return;
    const value = valueOf(analysis, expr);
    if (value) out.push({ expr, space: s, value });
  };
  for (const st of parse(text).document.statements) {
    if (st.kind === 'segment') {
      const from = space(st.src.name);
      const to = space(st.dst.name);
      // A RST that answers a segment without ACK carries seq=0: no sequence space's number.
      if (!(st.flags.includes('RST') && st.seq && !st.seq.symbol && st.seq.offset === 0)) put(st.seq, from);
      put(st.ack, to);
    } else if (st.kind === 'endpoint') {
      const me = space(st.name.name);
      put(st.snd, me);
      put(st.rcv, me < 0 ? -1 : 1 - me);
    }
  }
  return out;
}

/** The exercise with new initial sequence numbers. */
export function makeVariant(text: string, options: VariantOptions): string {
  const analysis = analyzeExercise(text);
  const placed = placedValues(text, analysis);
  // One group per unknown (a symbol's ISN) and per endpoint's plain numbers.
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = p.value.base !== undefined ? `base:${p.value.base}` : `space:${p.space}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(p);
  }
  const replacements: Replacement[] = [];
  for (const list of groups.values()) {
    const offsets = list.map((p) => unsigned(p.value));
    const isNumeric = list[0]!.value.base === undefined;
    const ref = isNumeric ? Math.min(...offsets) : 0;
    const span = Math.max(1, ...offsets.map((o) => (o - ref + TWO_32) % TWO_32).filter((d) => d < 0x1000_0000));
    const start = options.wrap
      ? TWO_32 - 1 - Math.floor(options.random() * span)
      : Math.floor(options.random() * (TWO_32 - span - 1));
    for (const p of list) {
      const n = (start + ((unsigned(p.value) - ref + TWO_32) % TWO_32)) % TWO_32;
      replacements.push({ line: p.expr.range.start.line, start: p.expr.range.start.character, end: p.expr.range.end.character, text: String(n) });
    }
  }
  return substitute(text, replacements).text;
}
