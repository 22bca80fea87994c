// Where an event happens: "talks in Istanbul", "met at the Çırağan Palace in Istanbul", "arrived at a palace
// in Istanbul". A place is a capitalised name after in/at/near that stands close to an event word.
import type { Entity, Span } from '../model';
import { EVENT_NOUNS, EVENT_VERBS, MONTHS, WEEKDAYS } from './lexicon';
import { fold, tokenize, type Token } from './tokens';

export interface PlaceMatch extends Span {
  name: string;
  /** Folded name for grouping ("ciragan palace"). */
  key: string;
  /** The event word the place is attached to ("talks", "met"). */
  event: string;
  entity?: string;
}

/**
 * Whether a folded name is one of the folder's places (see isPlaceName). The incremental engine passes its
 * own, which records the names an article's claims depended on.
 */
export type PlaceTest = (key: string) => boolean;

const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside']);
const SKIP_ADJ = /^(the|a|an|historic|swanky|luxurious|luxury|famous|iconic|sprawling|old|new|grand|presidential|royal|central|eastern|western|northern|southern|capital|city|port|town|village|of)$/;
const NOT_PLACE = new Set([...MONTHS, ...WEEKDAYS, 'monday’s', 'spring', 'summer', 'autumn', 'winter']);

function isCap(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}/u.test(t.text) && !NOT_PLACE.has(t.lower);
}

/**
 * Places attached to an event in a sentence. `placeNames` (folded names of place entities, when known)
 * lets a lower-case head ("a palace in Istanbul") count and rejects names that are not places; `isPlace`,
 * when given, replaces that test.
 */
export function findEventPlaces(text: string, span: Span, placeNames?: ReadonlySet<string>, isPlace?: PlaceTest): PlaceMatch[] {
  const test = isPlace ?? (placeNames && placeNames.size > 0 ? (key: string) => isPlaceName(placeNames, key) : undefined);
  const toks = tokenize(text, span.start, span.end);
  const out: PlaceMatch[] = [];
  const eventAt: number[] = [];
  toks.forEach((t, i) => {
    if (EVENT_NOUNS.has(t.lower) || EVENT_VERBS.has(t.lower)) eventAt.push(i);
  });
  if (eventAt.length === 0) return out;
  for (let i = 0; i < toks.length; i++) {
    if (!PLACE_PREPS.has(toks[i].lower) && !(toks[i].lower === 'of' && out.length && out[out.length - 1].end === toks[i - 1]?.end)) continue;
    let j = i + 1;
    while (j < toks.length && SKIP_ADJ.test(toks[j].text) && j < i + 4) j++;
    if (!isCap(toks[j])) continue;
    let last = j;
    while (last + 1 < toks.length && isCap(toks[last + 1]) && /^[\s\u00a0]*$/.test(text.slice(toks[last].end, toks[last + 1].start))) last++;
    const name = text.slice(toks[j].start, toks[last].end).replace(/['’]s$/, '');
    const key = fold(name);
    if (test && !test(key)) {
      i = last;
      continue;
    }
    // the event word must be close: within ten words either side
    const near = eventAt.filter((e) => Math.abs(e - i) <= 10);
    if (near.length === 0) continue;
    const ev = near.reduce((a, b) => (Math.abs(a - i) <= Math.abs(b - i) ? a : b));
    out.push({ start: toks[j].start, end: toks[j].start + name.length, name, key, event: toks[ev].lower });
    i = last;
  }
  return out;
}

// Every suffix of every place name, per set of place names: testing a key against each name in turn made
// each capitalised word after "in" cost the whole folder's places (quadratic in an archive).
// (Keyed by the set object: a set changed after its first test is indexed again, by its size.)
const SUFFIXES = new WeakMap<ReadonlySet<string>, { size: number; suffixes: Set<string> }>();

/** A known place, or one whose name ends the key or is ended by it ("palace" and "ciragan palace"). */
export function isPlaceName(placeNames: ReadonlySet<string>, key: string): boolean {
  if (placeNames.has(key)) return true;
  let index = SUFFIXES.get(placeNames);
  if (!index || index.size !== placeNames.size) {
    index = { size: placeNames.size, suffixes: new Set() };
    for (const p of placeNames) for (let i = 0; i <= p.length; i++) index.suffixes.add(p.slice(i));
    SUFFIXES.set(placeNames, index);
  }
  const suffixes = index.suffixes;
  // some place ends with the key
  if (suffixes.has(key)) return true;
  // the key ends with some place
  for (let i = 0; i <= key.length; i++) if (placeNames.has(key.slice(i))) return true;
  return false;
}

/** Folded names of the place entities of a folder, so capitalised non-places are not taken for places. */
export function placeNamesOf(entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'place') continue;
    for (const v of e.variants) out.add(fold(v).replace(/^the\s+/, ''));
  }
  return out;
}
