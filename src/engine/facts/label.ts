// Readable labels built from the claims themselves, phrased as a person would name the fact: "number of
// drones in Ukraine's operation targeting Russian airbases", "first name of Medinsky", "time of the
// meeting", or for a statement its plainest wording ("the cause is still disputed among engineers").
import type { Claim } from '../model';
import type { QuantityValue } from '../claims/normalize';
import { EVENT_NOUNS } from '../claims/lexicon';
import { tokenize } from '../claims/tokens';
import { givenNamesCompatible } from './verdict';
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
  const after: string[] = [];
  for (let k = b.i + 1; k < toks.length && k <= b.i + 5; k++) {
    if (/[,.;:—]/.test(text.slice(toks[k - 1].end, toks[k].start))) break;
    if (k === b.i + 1 && !TARGET_WORDS.test(toks[k].lower)) break;
    if (toks[k].start >= c.start && toks[k].start < c.end) break;
    after.push(toks[k].text);
  }
  // "targeting Russian military airfields": end on a plural noun or a name, never on an adjective
  let end = after.length;
  while (end > 1 && !/s$|^\p{Lu}\p{Ll}*$/u.test(after[end - 1])) end--;
  while (end > 1 && /^\p{Lu}/u.test(after[end - 1]) && end < after.length && !/^\p{Lu}/u.test(after[end]) && /s$/.test(after.slice(end).join(' '))) end = after.length;
  if (end > 1) words.push(...after.slice(0, end));
  return `the ${words.join(' ')}`;
}

/** Words opening a clause that a summary drops ("with both sides exchanging strikes" -> "both sides ..."). */
const OPENERS = /^(?:and|but|while|whereas|as|with|amid|amidst|after|before|though|although|despite|when|which|who|just|however|meanwhile|also|moreover|additionally|furthermore|indeed|conversely|still|yet|so|then|thus)\b[\s,]*/i;
const LABEL_WORDS = 12;
const ACTION_NOUNS = /^(attacks?|strikes?|operations?|offensive|assault|raids?|bombing|shooting|barrage|invasion|campaign)$/;

/**
 * A statement fact's label: its shortest wording that still says something (four words or more), openers
 * and list marks dropped, cut at a word boundary. The shortest is usually the plainest summary of what the
 * sources share; the longer ones add their own details.
 */
function statementLabel(claims: readonly Claim[]): string {
  const clean = (c: Claim) => {
    let t = c.text.replace(/^[\s\-•*–—]+/, '').replace(/\s*\[\d+\]/g, '').replace(/[\s.;,:!?…]+$/, '');
    // a bullet's label ("Prisoner Swap: Following ...") is a heading, not the statement
    t = t.replace(/^[^.:!?]{1,40}:\s+/, '');
    // who said it is the claim's attribution, not part of what happened
    t = t.replace(/,\s+(?:[^,]{1,40}\s+)?(?:said|says|told [^,]+|reported|added|according to [^,]+)$/, '');
    for (let prev = ''; prev !== t; ) {
      prev = t;
      t = t.replace(OPENERS, '');
    }
    return t;
  };
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const options = claims.map(clean).filter((t) => words(t).length >= 4);
  const pick = (options.length ? options : claims.map(clean)).sort((a, b) => words(a).length - words(b).length || a.localeCompare(b))[0] ?? '';
  const w = words(pick);
  const cut = w.length > LABEL_WORDS ? `${w.slice(0, LABEL_WORDS).join(' ').replace(/[,;:]$/, '')} …` : w.join(' ');
  // "The cause is disputed" reads as a label once its article is lower-cased; names keep their capitals
  return /^(the|a|an|both|many|some|this|these|those|its|their|his|her|our|most|several|all)\b/i.test(cut) ? cut[0].toLowerCase() + cut.slice(1) : cut;
}

/** "Ukraine's" for the acting country of the claims' sentences, when they agree on one. */
function actorOf(group: Group): string | undefined {
  const agents = new Set(group.members.map((m) => m.ctx.actors.agent).filter((a): a is string => !!a));
  if (agents.size !== 1) return undefined;
  const a = [...agents][0];
  const name = a.replace(/\b\p{L}/gu, (c) => c.toUpperCase()).replace(/^(United|European|North|South)\b/, 'the $1').replace(/^Nato$/, 'NATO');
  return `${name}'s`;
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
      const what = q.unit === '%' || q.cls === 'money' || q.unit ? noun : `number of ${noun}`;
      if (!ev) return what;
      // only an action has an actor worth naming ("Ukraine's operation"; not "Turkey's talks")
      const actor = ACTION_NOUNS.test(ev.split(' ')[1] ?? '') ? actorOf(group) : undefined;
      // "in Ukraine's operation targeting Russian airbases" unless the phrase already names the actor
      return actor && !new RegExp(actor.replace(/'s$/, ''), 'i').test(ev) ? `${what} in ${actor} ${ev.replace(/^the /, '')}` : `${what} in ${ev}`;
    }
    // without an event noun nearby, the words leading to the claim say which time it is ("Zelensky said Sunday")
    case 'time': return `time of ${event() ?? `“${leadUp(first, text(first))}”`}`;
    case 'date': return `date of ${event() ?? `“${leadUp(first, text(first))}”`}`;
    case 'duration': {
      const of = first.normalized.of;
      return typeof of === 'string' && of ? `how long the ${of} lasts` : `duration of ${event() ?? `“${leadUp(first, text(first))}”`}`;
    }
    case 'name': {
      const who = bestName(claims);
      const given = [...new Set(claims.map((c) => c.normalized.given).filter((g): g is string => typeof g === 'string'))];
      if (given.some((g, i) => given.slice(i + 1).some((h) => !givenNamesCompatible(g, h)))) return `first name of ${who}`;
      // "Putin" beside "Vladimir Putin" is the same spelling, only shorter
      const spellings = (part: 'given' | 'surname') => new Set(claims.map((c) => c.normalized[part]).filter((x) => typeof x === 'string')).size;
      return spellings('surname') > 1 || given.length > 1 ? `spelling of ${who}'s name` : `name of ${who}`;
    }
    case 'role': return `title of ${bestName(claims, true)}`;
    case 'place': {
      const ev = typeof first.normalized.event === 'string' ? first.normalized.event : '';
      const noun = ev && /s$|ing$|ion$|^(talks|summit|meeting|attack|strike|fire|crash|blast|explosion|rally|protest|vote|election|trial|hearing|ceremony)$/.test(ev) ? `the ${ev}` : 'the event';
      return `place of ${noun}: ${first.value}`;
    }
    default: return statementLabel(claims);
  }
}

const LEAD_WORDS = 5;

/** The claim with the words of its sentence that lead to it: "Zelensky said Sunday", "…delegation, arrived Sunday". */
export function leadUp(c: Claim, text: string): string {
  const toks = tokenize(text, c.sentence.start, c.start);
  const from = toks.length > LEAD_WORDS ? toks[toks.length - LEAD_WORDS].start : c.sentence.start;
  // a claim opening its sentence ("Monday’s talks come ...") is told by the words that follow it
  const after = toks.length < 2 ? tokenize(text, c.end, c.sentence.end).slice(0, LEAD_WORDS - toks.length) : [];
  const to = after.length ? after[after.length - 1].end : c.end;
  const quote = text.slice(from, to).replace(/\s+/g, ' ').replace(/^[\s\-•*–—,;:]+/, '').trim();
  return `${toks.length > LEAD_WORDS ? '…' : ''}${quote}${after.length && to < c.sentence.end - 1 ? '…' : ''}`;
}

// An edit labels the folder's facts again, but a claim's lead-up changes only with its article's text: the
// incremental engine keeps the claims of unchanged articles, so their lead-ups are kept with them.
// The label with the lead-up is kept too: the same string object again hashes at no cost in the sets below.
const leadUps = new WeakMap<Claim, { text: string; label: string; quoted: string }>();

/** `label` told apart by the words leading to claim `c` (unchanged when they are already in it). */
function quotedLabel(label: string, c: Claim, text: string): string {
  const hit = leadUps.get(c);
  if (hit && hit.text === text && hit.label === label) return hit.quoted;
  const quote = leadUp(c, text);
  const quoted = quote && !label.includes(quote) ? `${label} — “${quote}”` : label;
  leadUps.set(c, { text, label, quoted });
  return quoted;
}

/**
 * Labels that tell facts apart: two facts of a folder with one label ("number of people" twice) each get the
 * words leading to their first claim, and a number when even those are the same.
 */
export function distinctLabels<T extends { label: string; claims: readonly Claim[] }>(facts: readonly T[], texts: ReadonlyMap<string, string>): T[] {
  const count = new Map<string, number>();
  for (const f of facts) count.set(f.label, (count.get(f.label) ?? 0) + 1);
  const used = new Set<string>();
  // the number each label's next copy tries first: counting up from 2 for every copy of a label repeated
  // across an archive's events was quadratic in the copies (the numbers below it are all taken)
  const next = new Map<string, number>();
  return facts.map((f) => {
    let label = f.label;
    if ((count.get(label) ?? 0) > 1 && f.claims.length) label = quotedLabel(label, f.claims[0], texts.get(f.claims[0].article) ?? '');
    const base = label;
    if (used.has(label)) {
      let k = next.get(base) ?? 2;
      for (label = `${base} (${k})`; used.has(label); ) label = `${base} (${++k})`;
      next.set(base, k + 1);
    }
    used.add(label);
    return label === f.label ? f : { ...f, label };
  });
}

function bestName(claims: readonly Claim[], role = false): string {
  const surnames = claims.map((c) => String(c.normalized.surname ?? (role ? '' : c.value))).filter(Boolean);
  if (surnames.length === 0) return 'a person';
  const counts = new Map<string, number>();
  for (const s of surnames) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
