// Finds the names in the seed articles, generically: capitalised words that are never written in lowercase
// in the seeds, that stand capitalised in the middle of a running sentence at least once (so sentence-initial
// words such as "Moreover" and headline words such as "Intense" are not names), and that are not general
// news vocabulary (titles, months, weekdays). Names that differ only by spelling across the seeds
// ("Medinski"/"Medinsky") are grouped so that one generated name replaces all of them.

export interface NameWord {
  /** The word as written in the seeds. */
  text: string;
  /** Key of its spelling group: every word of a group is replaced by the same generated name. */
  group: string;
  acronym: boolean;
}

export interface Lexicon {
  /** Name words by their exact seed spelling. */
  words: Map<string, NameWord>;
  groups: Map<string, string[]>;
}

// General English and news vocabulary that is capitalised in titles and at sentence starts but names no one.
const GENERAL_WORDS = new Set([
  // titles and roles
  'president', 'presidential', 'minister', 'ministry', 'secretary', 'press', 'foreign', 'defense', 'defence',
  'special', 'envoy', 'aide', 'chief', 'culture', 'prime', 'general', 'senator', 'senate', 'governor', 'mayor',
  'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'chancellor', 'king', 'queen', 'prince', 'pope',
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'deputy', 'vice', 'head', 'leader', 'commander', 'colonel', 'captain',
  // calendar
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // function words and frequent sentence openers
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'if',
  'i', 'we', 'he', 'she', 'it', 'they', 'you', 'this', 'that', 'these', 'those', 'there', 'here',
  // time-of-day and page words
  'am', 'pm', 'gmt', 'utc', 'source', 'sources', 'related', 'reply', 'news',
]);

const WORD = /[\p{L}\p{M}]+/gu;

export function isNameShaped(word: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(word) || /^\p{Lu}{2,5}$/u.test(word);
}

/** A line that reads like a title: no closing punctuation and mostly capitalised longer words. */
export function isHeadlineLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  const words = t.match(/[\p{L}]{4,}/gu) ?? [];
  if (words.length === 0) return true;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return !/[.!?"”]$/.test(t) && capitalised >= words.length * 0.5;
}

/** Whether the word starting at `index` of `line` opens a sentence, a bullet or a quotation. */
export function opensSentence(line: string, index: number): boolean {
  const before = line.slice(0, index).trimEnd();
  if (before.length === 0) return true;
  return /[.!?:;•"“‘(\[]$/.test(before) || /(^|\s)[-–—*]$/.test(before) || /\d$/.test(before);
}

export function buildLexicon(texts: readonly string[]): Lexicon {
  const lowercase = new Set<string>();
  const capitalised = new Set<string>();
  const midSentence = new Set<string>();
  for (const text of texts) {
    for (const line of text.split(/\r\n|\n|\r/)) {
      const headline = isHeadlineLine(line);
      // "- Prisoner Swap: Following the exchange..." : a bullet's lead-in is a heading, not running text.
      const leadIn = /^\s*(?:[-*•]|\d+[.)])\s+[^:.]{1,60}:/.exec(line)?.[0].length ?? 0;
      for (const m of line.matchAll(WORD)) {
        const w = m[0];
        if (/^\p{Ll}/u.test(w)) {
          lowercase.add(w.toLowerCase());
          continue;
        }
        if (!isNameShaped(w)) continue;
        capitalised.add(w);
        if (!headline && m.index >= leadIn && !opensSentence(line, m.index)) midSentence.add(w);
      }
    }
  }
  const names = [...capitalised].filter(
    (w) => midSentence.has(w) && !lowercase.has(w.toLowerCase()) && !GENERAL_WORDS.has(w.toLowerCase()),
  );
  names.sort();
  const groups = groupSpellings(names);
  const words = new Map<string, NameWord>();
  for (const [group, members] of groups) {
    for (const text of members) words.set(text, { text, group, acronym: /^\p{Lu}+$/u.test(text) });
  }
  return { words, groups };
}

/** Folds a name for spelling comparison: marks stripped, dotless i, common transliteration pairs. */
export function foldName(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/j/g, 'y')
    .replace(/yy/g, 'y')
    .replace(/ski$/, 'sky')
    .replace(/w/g, 'v');
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * Groups seed words that are spellings of one name. All pairs is fine here: it runs once over the few
 * hundred name words of the seeds, never over an archive.
 */
function groupSpellings(names: readonly string[]): Map<string, string[]> {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const folded = names.map(foldName);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = folded[i];
      const b = folded[j];
      if (a[0] !== b[0] || Math.min(a.length, b.length) < 5) continue;
      if (/^\p{Lu}+$/u.test(names[i]) || /^\p{Lu}+$/u.test(names[j])) continue;
      if (editDistance(a, b) / Math.max(a.length, b.length) <= 0.3) parent[find(i)] = find(j);
    }
  }
  const byRoot = new Map<number, string[]>();
  names.forEach((name, i) => {
    const list = byRoot.get(find(i)) ?? [];
    list.push(name);
    byRoot.set(find(i), list);
  });
  // The shortest spelling keys the group, so that "Russian" can be generated as the key's name + "n".
  const groups = new Map<string, string[]>();
  for (const members of byRoot.values()) {
    members.sort((a, b) => a.length - b.length || a.localeCompare(b));
    groups.set(members[0], members);
  }
  return groups;
}
