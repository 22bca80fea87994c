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

const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside']);
const SKIP_ADJ = /^(the|a|an|historic|swanky|luxurious|luxury|famous|iconic|sprawling|old|new|grand|presidential|royal|central|eastern|western|northern|southern|capital|city|port|town|village|of)$/;
const NOT_PLACE = new Set([...MONTHS, ...WEEKDAYS, 'monday’s', 'spring', 'summer', 'autumn', 'winter']);

function isCap(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}/u.test(t.text) && !NOT_PLACE.has(t.lower);
}

/**
 * Places attached to an event in a sentence. `placeNames` (folded names of place entities, when known)
 * lets a lower-case head ("a palace in Istanbul") count and rejects names that are not places.
 */
export function findEventPlaces(text: string, span: Span, placeNames?: ReadonlySet<string>): PlaceMatch[] {
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
    if (placeNames && placeNames.size > 0 && !placeNames.has(key) && ![...placeNames].some((p) => p.endsWith(key) || key.endsWith(p))) {
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

/** Folded names of the place entities of a folder, so capitalised non-places are not taken for places. */
export function placeNamesOf(entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'place') continue;
    for (const v of e.variants) out.add(fold(v).replace(/^the\s+/, ''));
  }
  return out;
}
