// A seeded pseudo-random generator, so that `tcpseq vary --seed S` gives the same variants every time.
// Written here because Math.random cannot be seeded and a dependency for twelve lines is not worth it:
// mulberry32 (a well-known 32-bit generator, plenty for choosing sequence numbers) seeded by FNV-1a.

/** FNV-1a hash of a string, 32 bits. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of numbers in [0, 1) from a seed. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
