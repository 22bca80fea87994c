// A cache for functions of a word that run for every word of an archive (folding, stemming) and meet the
// same few thousand words again and again. Bounded for long editor sessions, in two generations: clearing
// the cache outright at the bound made an archive with more distinct words than that compute every word
// afresh.

/** `f`, remembering its answers for the last `bound` to `2 * bound` distinct words it was asked about. */
export function memo<V>(f: (word: string) => V, bound: number): (word: string) => V {
  let cache = new Map<string, V>();
  let older = new Map<string, V>();
  return (word) => {
    let v = cache.get(word);
    if (v === undefined) {
      v = older.get(word) ?? f(word);
      if (cache.size >= bound) {
        older = cache;
        cache = new Map();
      }
      cache.set(word, v);
    }
    return v;
  };
}
