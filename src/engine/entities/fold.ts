// Folding names so that spellings of one name compare equal or close: accents and Turkish dotless i
// ("Çırağan" = "Ciragan"), and the usual differences between English and German/Slavic transliteration
// ("Medinski" = "Medinsky", "Zelenskyy" = "Zelensky", "Umjerow" ~ "Umerov").
import { memo } from '../memo';

// Folding runs for every candidate, place lookup and comparison; the same few thousand names recur.
const FOLD_CACHE = 200_000;

/** Lowercase, no diacritics, no dots or apostrophes, single spaces. */
export const foldName = memo((s: string): string => {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.'’‘`]/g, '')
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim();
}, FOLD_CACHE);

/**
 * foldName plus transliteration folds. Applied to both sides of a comparison, so folding two different
 * letters together only makes names closer, never unequal.
 */
export const translitKey = memo((s: string): string => {
  return foldName(s)
    .split(' ')
    .map((w) =>
      w
        .replace(/(sk|ck|tsk|zk)(iy|ij|yj|yi|ii|i|y)$/, '$1y')
        .replace(/(iy|ij|yj|yi|ii)$/, 'y')
        .replace(/yy/g, 'y')
        .replace(/tsch/g, 'ch')
        .replace(/sch/g, 'sh')
        .replace(/j/g, 'y')
        .replace(/w/g, 'v')
        .replace(/ph/g, 'f')
        .replace(/ou/g, 'u')
        .replace(/(.)\1+/g, '$1'),
    )
    .join(' ');
}, FOLD_CACHE);

/** Levenshtein distance; names are short, so the plain two-row dynamic programme is enough. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 1 - normalised edit distance of the transliteration keys: 1 for equal spellings, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = translitKey(a);
  const y = translitKey(b);
  if (!x || !y) return 0;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}
