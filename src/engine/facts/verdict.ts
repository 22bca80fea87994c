// Verdicts with reasons a person can read. Only incompatible values are conflicts; differences that only
// look like disagreement (formats, zones, units, vague vs exact, per-side vs total, roles a person holds
// together, spellings) are variants.
import type { Article, Claim, Verdict } from '../model';
import { datesCompatible, formatRange, rangesOverlap, utcMinutes, type DateValue, type DurationValue, type QuantityValue, type TimeValue } from '../claims/normalize';
import { editSimilarity, nameKey } from '../claims/tokens';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

/** Counts that change as an event unfolds: reports written at different times may both be right. */
const TOLL_NOUNS = /^(death|dead|fatality|casualty|victim|injur|wounded|missing|arrest|evacuee|displaced|people|person|civilian|resident)/;

// Accents and punctuation count: "Çırağan" vs "Ciragan" and "1 PM" vs "1 p.m." are variants, not agreement.
const sameSurface = (claims: readonly Claim[]) => new Set(claims.map((c) => c.text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim())).size === 1;

function list(values: string[]): string {
  const uniq = [...new Set(values)];
  return uniq.length <= 1 ? uniq.join('') : `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
}

export function judge(claims: readonly Claim[], articles: ReadonlyMap<string, Article>): Judgement {
  const sources = new Set(claims.map((c) => c.article)).size;
  if (sources < 2) return { verdict: 'single', reason: `Only one source gives this (${claims[0]?.value ?? ''}).` };
  switch (claims[0].kind) {
    case 'quantity': return judgeQuantities(claims, articles);
    case 'time': return judgeTimes(claims);
    case 'date': return judgeDates(claims, articles);
    case 'duration': return judgeDurations(claims);
    case 'name': return judgeNames(claims);
    case 'role': return agreeOr(claims, `${sources} sources give the same title.`, `Different titles (${list(claims.map((c) => c.value))}); one person can hold several, so this is not a contradiction.`);
    case 'place': return agreeOr(claims, `${sources} sources name ${claims[0].value}.`, `The same place spelled differently: ${list(claims.map((c) => c.value))}.`);
    default: return agreeOr(claims, `${sources} sources say this in the same words.`, `${sources} sources report this in different words; compare the quotes.`);
  }
}

function agreeOr(claims: readonly Claim[], agree: string, variant: string): Judgement {
  return sameSurface(claims) ? { verdict: 'agree', reason: agree } : { verdict: 'variant', reason: variant };
}

/**
 * One claim per distinct normalised value (and publication date, which some rules read): the verdict rules
 * compare values pairwise, and a fact reported by many sources holds few distinct values, so pairing the
 * distinct ones keeps a verdict near-linear in the number of sources.
 */
function distinct(claims: readonly Claim[], articles?: ReadonlyMap<string, Article>): Claim[] {
  const seen = new Map<string, Claim>();
  for (const c of claims) {
    const key = `${JSON.stringify(c.normalized)}|${articles?.get(c.article)?.published ?? ''}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

function pairs<T>(xs: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]]);
  return out;
}

function judgeQuantities(claims: readonly Claim[], articles: ReadonlyMap<string, Article>): Judgement {
  const qs = claims.map((c) => c.normalized as unknown as QuantityValue);
  const notes: string[] = [];
  let conflict: [Claim, Claim] | undefined;
  for (const [a, b] of pairs(distinct(claims, articles))) {
    const x = a.normalized as unknown as QuantityValue;
    const y = b.normalized as unknown as QuantityValue;
    if (x.proportion || y.proportion) { notes.push('a share and a count cannot contradict each other'); continue; }
    if ((x.unit ?? '') !== (y.unit ?? '')) { notes.push('different units'); continue; }
    if (rangesOverlap(x, y)) {
      if (x.per !== y.per) notes.push('one counts per side, the other does not say whether its number is per side or in all');
      continue;
    }
    // per side vs total: "1,000 prisoners each" and "2,000 prisoners"
    if (x.per !== y.per) {
      const [each, total] = x.per ? [x, y] : [y, x];
      if ([2, 3, 4].some((k) => rangesOverlap({ min: (each.min ?? 0) * k, max: each.max === undefined ? undefined : each.max * k }, total))) { notes.push('one gives a number per side, the other a total'); continue; }
    }
    const pa = articles.get(a.article)?.published;
    const pb = articles.get(b.article)?.published;
    if (pa && pb && pa !== pb && TOLL_NOUNS.test(x.noun)) { notes.push(`tolls change over time and the reports are from ${pa} and ${pb}`); continue; }
    conflict ??= [a, b];
  }
  if (conflict) {
    const [a, b] = conflict;
    const qa = a.normalized as unknown as QuantityValue;
    const qb = b.normalized as unknown as QuantityValue;
    const who = (c: Claim) => (c.attribution ? ` (per ${c.attribution})` : '');
    return { verdict: 'conflict', reason: `${a.text}${who(a)} vs ${b.text}${who(b)}: ${formatRange(qa)} and ${formatRange(qb)} cannot both be right.` };
  }
  const exact = qs.every((q) => q.value !== undefined && !q.approx && q.value === qs[0].value && q.per === qs[0].per);
  if (exact && sameSurface(claims)) return { verdict: 'agree', reason: `${claims.length} sources give ${claims[0].value}.` };
  if (exact) return { verdict: 'agree', reason: `${claims.length} sources give ${claims[0].value} (worded differently).` };
  const uniqNotes = [...new Set(notes)];
  return { verdict: 'variant', reason: `Compatible: ${list(claims.map((c) => c.value))}${uniqNotes.length ? ` (${uniqNotes.join('; ')})` : ' overlap'}.` };
}

function judgeTimes(claims: readonly Claim[]): Judgement {
  const ts = distinct(claims).map((c) => c.normalized as unknown as TimeValue);
  let zoneNote = false;
  for (const [x, y] of pairs(ts)) {
    const ux = utcMinutes(x);
    const uy = utcMinutes(y);
    if (ux !== undefined && uy !== undefined) {
      if (Math.abs(ux - uy) <= (x.approx || y.approx ? 30 : 0)) continue;
      return { verdict: 'conflict', reason: `${list(claims.map((c) => c.value))} are different times even after converting zones.` };
    }
    if ((x.zone ?? '') !== (y.zone ?? '') && x.zone && y.zone) { zoneNote = true; continue; }
    const d = Math.abs(x.minutes - y.minutes);
    if (d <= (x.approx || y.approx ? 30 : 0)) continue;
    if (!x.zone || !y.zone) { zoneNote = true; continue; }
    return { verdict: 'conflict', reason: `${list(claims.map((c) => c.text))} are different times in the same zone.` };
  }
  if (zoneNote) return { verdict: 'variant', reason: `Times given in different or unstated zones (${list(claims.map((c) => c.text))}); they may be the same moment.` };
  if (sameSurface(claims)) return { verdict: 'agree', reason: `${claims.length} sources give ${claims[0].text}.` };
  return { verdict: 'variant', reason: `The same time written differently: ${list(claims.map((c) => c.text))} (${claims[0].value}).` };
}

function judgeDates(claims: readonly Claim[], articles: ReadonlyMap<string, Article>): Judgement {
  const cs = distinct(claims, articles);
  const ds = cs.map((c) => c.normalized as unknown as DateValue);
  for (const [i, j] of pairs(ds.map((_, k) => k))) {
    if (datesCompatible(ds[i], ds[j])) continue;
    // two unresolved relative days ("Monday" vs "Sunday") from reports written on different days can be the same date
    const unresolved = !ds[i].iso || !ds[j].iso;
    const pi = articles.get(cs[i].article)?.published;
    const pj = articles.get(cs[j].article)?.published;
    if (unresolved && (ds[i].relative || ds[j].relative) && (!pi || !pj || pi !== pj)) {
      return { verdict: 'variant', reason: `${cs[i].text} vs ${cs[j].text}: relative days from reports whose dates differ or are unknown; check the dates.` };
    }
    return { verdict: 'conflict', reason: `${cs[i].text} (${cs[i].value}) vs ${cs[j].text} (${cs[j].value}): different dates.` };
  }
  return agreeOr(claims, `${claims.length} sources give ${claims[0].value}.`, `Compatible dates: ${list(claims.map((c) => c.text))}.`);
}

function judgeDurations(claims: readonly Claim[]): Judgement {
  const cs = distinct(claims);
  const ds = cs.map((c) => c.normalized as unknown as DurationValue);
  for (const [i, j] of pairs(ds.map((_, k) => k))) {
    if (!rangesOverlap(ds[i], ds[j])) return { verdict: 'conflict', reason: `${cs[i].text} vs ${cs[j].text}: ${cs[i].value} and ${cs[j].value} do not overlap.` };
  }
  return agreeOr(claims, `${claims.length} sources give ${claims[0].value}.`, `Compatible: ${list(claims.map((c) => c.text))}.`);
}

/** Whether two given names can be the same: equal, an initial, or a spelling/transliteration variant. */
export function givenNamesCompatible(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  if (x.startsWith(y) || y.startsWith(x)) return Math.min(x.length, y.length) >= 3; // "Vlad" / "Vladimir"
  return editSimilarity(x, y) >= 0.7;
}

function judgeNames(claims: readonly Claim[]): Judgement {
  const given = distinct(claims.filter((c) => typeof c.normalized.given === 'string'));
  for (const [a, b] of pairs(given)) {
    if (!givenNamesCompatible(a.normalized.given as string, b.normalized.given as string)) {
      return { verdict: 'conflict', reason: `Different first names for the same person: ${a.value} vs ${b.value}.` };
    }
  }
  if (sameSurface(claims)) return { verdict: 'agree', reason: `${claims.length} sources spell the name ${claims[0].value}.` };
  return { verdict: 'variant', reason: `The same person written differently: ${list(claims.map((c) => c.value))}.` };
}
