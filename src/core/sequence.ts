// Sequence-number arithmetic modulo 2^32, with unknowns.
// A Value is `base + off (mod 2^32)`; `base` names an unknown (an initial sequence number such as `x`)
// or is undefined for a concrete number. Two values are comparable only when they share a base.
// `off` is kept as a signed 32-bit integer (the same number modulo 2^32): it then stays a small integer
// for the engine instead of a boxed double, which matters on files of 100,000 segments. Read it with
// `unsigned(v)` when a number 0..2^32-1 is wanted.

export interface Value { readonly base?: string; readonly off: number }

export function concrete(n: number): Value { return { off: n | 0 }; }
/** The offset as a number 0..2^32-1. */
export function unsigned(v: Value): number { return v.off >>> 0; }
export function unknown(base: string): Value { return { base, off: 0 }; }
export function add(v: Value, n: number): Value { return { base: v.base, off: (v.off + n) | 0 }; }
export function comparable(a: Value, b: Value): boolean { return a.base === b.base; }
export function equal(a: Value | undefined, b: Value | undefined): boolean {
  return a !== undefined && b !== undefined && a.base === b.base && a.off === b.off;
}

/** a - b as a signed 32-bit distance, or undefined when the bases differ. */
export function distance(a: Value, b: Value): number | undefined {
  if (a.base !== b.base) return undefined;
  return ((a.off - b.off) | 0);
}
export function less(a: Value, b: Value): boolean { const d = distance(a, b); return d !== undefined && d < 0; }
export function lessOrEqual(a: Value, b: Value): boolean { const d = distance(a, b); return d !== undefined && d <= 0; }

/** The plain notation of a value against its base: `x`, `x+1`, `x-1`, `1001`. */
export function formatPlain(v: Value): string {
  if (v.base === undefined) return String(v.off >>> 0);
  const signed = v.off | 0;
  if (signed === 0) return v.base;
  return signed > 0 ? `${v.base}+${signed}` : `${v.base}-${-signed}`;
}

/**
 * Prints values in the file's own words: a value is written from the nearest symbol bound at or below it
 * (with `u = x+1`, `x+2` prints as `u+1`), falling back to the base.
 */
export class Notation {
  private readonly aliases = new Map<string | undefined, { name: string; off: number }[]>();

  alias(name: string, value: Value): void {
    if (value.base === undefined) return; // a symbol bound to a concrete number reads better as the number
    let list = this.aliases.get(value.base);
    if (!list) this.aliases.set(value.base, (list = []));
    list.push({ name, off: value.off });
  }

  format(v: Value): string {
    const list = v.base === undefined ? undefined : this.aliases.get(v.base);
    if (!list) return formatPlain(v);
    let best: { name: string; off: number } | undefined;
    let bestDistance = Infinity;
    for (const a of list) {
      const d = (v.off - a.off) >>> 0;
      if (d < 0x1000_0000 && d <= bestDistance) { best = a; bestDistance = d; }
    }
    if (!best) return formatPlain(v);
    return bestDistance === 0 ? best.name : `${best.name}+${bestDistance}`;
  }
}
