/** A deterministic pseudo-random generator in [0, 1) (a linear congruential generator), for repeatable fuzz tests. */
export function seededRandom(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
