// Generated names for the benchmark archive, and transliteration-like respellings of them (the kind of
// variation real reports show: Zelensky/Zelenskyy, Medinski/Medinsky, Umerov/Umjurov).
import type { Rng } from './prng';

const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'sh', 'kr', 'br', 'dr', 'st', 'tr', 'h', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'k', 'm'];
const ENDINGS = ['', '', 'ov', 'enko', 'sky', 'ia', 'an', 'ez', 'son', 'i', 'a', 'grad', 'burg', 'ek', 'in', 'ovich', 'ani', 'ey'];

export function generateName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const syllables = rng.int(1, 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? '' : rng.pick(CODAS));
    word += rng.pick(ENDINGS);
    if (word.length < 4) continue;
    const name = word[0].toUpperCase() + word.slice(1);
    if (taken.has(name)) continue;
    taken.add(name);
    return name;
  }
}

export function generateAcronym(rng: Rng, length: number, taken: Set<string>): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(65 + rng.int(0, 25));
    if (!taken.has(s)) {
      taken.add(s);
      return s;
    }
  }
}

// Each rule rewrites a name the way another transliteration or a careless copy would.
const RESPELLINGS: [RegExp, string][] = [
  [/y$/, 'i'], [/i$/, 'y'], [/sky$/, 'ski'], [/ov$/, 'off'], [/ks/, 'x'], [/v/, 'w'], [/ch/, 'tch'],
  [/sh/, 'sch'], [/ou/, 'u'], [/ai/, 'ay'], [/([bdgklmnprstvz])e/, '$1ye'], [/j/, 'y'], [/y$/, 'yy'],
  [/([aeiou])([bdgklmnprstvz])([aeiou])/, '$1$2$2$3'], [/kh/, 'h'], [/([aeiou])k/, '$1kh'], [/z/, 'zh'],
];

/** A respelling of `name` that differs from it, or undefined when no rule applies. */
export function respell(rng: Rng, name: string): string | undefined {
  const start = rng.int(0, RESPELLINGS.length - 1);
  for (let k = 0; k < RESPELLINGS.length; k++) {
    const [re, to] = RESPELLINGS[(start + k) % RESPELLINGS.length];
    // Rules apply after the first letter so that the capital stays.
    const rest = name.slice(1).replace(re, to);
    const out = name[0] + rest;
    if (out !== name) return out;
  }
  return undefined;
}
