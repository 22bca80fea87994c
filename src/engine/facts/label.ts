// Readable labels built from the claims themselves: the counted noun and the event it belongs to
// ("drones in the operation targeting Russian airbases"), the person a name is about, the shared words of
// a statement.
import type { Claim } from '../model';
import type { ExtractedClaim } from '../claims';
import type { QuantityValue } from '../claims/normalize';
import { EVENT_NOUNS, STOPWORDS } from '../claims/lexicon';
import { stem, tokenize } from '../claims/tokens';
import type { Group } from './align';

const TARGET_WORDS = /^(on|against|targeting|targeted|in|at|near)$/i;

function plural(noun: string): string {
  if (!noun) return 'things';
  if (/(aircraft|people|personnel|staff|police|sheep|fish|series)$/.test(noun)) return noun;
  if (/(s|x|ch|sh)$/.test(noun)) return noun + 'es';
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + 'ies';
  return noun + 's';
}

/** "the operation targeting Russian airbases": the event noun nearest the claim and the phrase after it. */
function eventPhrase(c: Claim, text: string): string | undefined {
  const toks = tokenize(text, c.sentence.start, c.sentence.end);
  let best: { i: number; d: number } | undefined;
  toks.forEach((t, i) => {
    if (!EVENT_NOUNS.has(t.lower) && t.lower !== 'operation' && t.lower !== 'operations') return;
    if (t.start >= c.start && t.end <= c.end) return;
    const d = Math.abs(t.start - c.start);
    if (!best || d < best.d) best = { i, d };
  });
  if (!best) return undefined;
  const b = best as { i: number; d: number };
  const words = [toks[b.i].lower];
  for (let k = b.i + 1; k < toks.length && k <= b.i + 4; k++) {
    if (/[,.;:—]/.test(text.slice(toks[k - 1].end, toks[k].start))) break;
    if (k === b.i + 1 && !TARGET_WORDS.test(toks[k].lower)) break;
    if (toks[k].start >= c.start && toks[k].start < c.end) break;
    words.push(toks[k].text);
    if (k > b.i + 1 && /^\p{Lu}|s$/u.test(toks[k].text) && !TARGET_WORDS.test(toks[k].lower)) {
      if (!/^\p{Lu}/u.test(toks[k + 1]?.text ?? '') && !/s$/.test(toks[k + 1]?.text ?? '')) break;
    }
  }
  return `the ${words.join(' ')}`;
}

/** Words most of the group's sentences share, in the surface form first seen. */
function sharedWords(members: readonly ExtractedClaim[], texts: ReadonlyMap<string, string>, max = 4): string[] {
  const count = new Map<string, number>();
  const surfaceOf = new Map<string, string>();
  for (const { claim } of members) {
    const seen = new Set<string>();
    for (const t of tokenize(texts.get(claim.article) ?? '', claim.sentence.start, claim.sentence.end)) {
      if (t.lower.length < 3 || STOPWORDS.has(t.lower) || /^\d/.test(t.lower)) continue;
      const s = stem(t.text);
      if (seen.has(s)) continue;
      seen.add(s);
      count.set(s, (count.get(s) ?? 0) + 1);
      if (!surfaceOf.has(s)) surfaceOf.set(s, t.text);
    }
  }
  return [...count.entries()]
    .filter(([, n]) => n >= Math.max(2, Math.ceil(members.length / 2)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([s]) => surfaceOf.get(s)!);
}

export function labelFor(group: Group, texts: ReadonlyMap<string, string>): string {
  const claims = group.members.map((m) => m.claim);
  const first = claims[0];
  const text = (c: Claim) => texts.get(c.article) ?? '';
  const event = () => claims.map((c) => eventPhrase(c, text(c))).find((e) => e !== undefined);
  switch (first.kind) {
    case 'quantity': {
      const q = first.normalized as unknown as QuantityValue;
      const noun = q.unit === '%' ? `share of ${plural(q.noun)}` : q.cls === 'money' ? 'amount of money' : q.unit ? q.noun : plural(q.noun);
      const ev = event();
      return ev ? `${noun} in ${ev}` : `number of ${noun}`;
    }
    case 'time': return `time of ${event() ?? 'the event'}`;
    case 'date': return `date of ${event() ?? 'the event'}`;
    case 'duration': {
      const of = first.normalized.of;
      return typeof of === 'string' && of ? `how long the ${of} lasts` : `duration of ${event() ?? 'the event'}`;
    }
    case 'name': return `name of ${bestName(claims)}`;
    case 'role': return `title of ${bestName(claims, true)}`;
    case 'place': {
      const ev = typeof first.normalized.event === 'string' ? first.normalized.event : '';
      const noun = ev && /s$|ing$|ion$|^(talks|summit|meeting|attack|strike|fire|crash|blast|explosion|rally|protest|vote|election|trial|hearing|ceremony)$/.test(ev) ? `the ${ev}` : 'the event';
      return `place of ${noun}: ${first.value}`;
    }
    default: {
      const words = sharedWords(group.members, texts);
      return words.length ? `statements about ${words.join(', ')}` : 'the same statement';
    }
  }
}

function bestName(claims: readonly Claim[], role = false): string {
  const surnames = claims.map((c) => String(c.normalized.surname ?? (role ? '' : c.value))).filter(Boolean);
  if (surnames.length === 0) return 'a person';
  const counts = new Map<string, number>();
  for (const s of surnames) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
