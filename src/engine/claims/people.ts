// Names and roles of people: "Defense Minister Rustem Umerov", "Vladimir Medinski, an advisor to President
// Putin", "Kremlin aide Vladimir Medinsky". The entities engine finds person mentions; this module reads the
// role around a mention and splits the name into given name and surname so first names can be compared.
import type { Entity, Mention, Span } from '../model';
import { PHRASE_BREAKERS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon';
import { nameKey, tokenize, type Token } from './tokens';

export interface PersonMention extends Span {
  /** The name without its title ("Rustem Umerov"). */
  name: string;
  given?: string;
  surname: string;
  /** nameKey(surname): transliteration-folded. */
  key: string;
  role?: Span & { text: string; head: string };
  entity?: string;
}

const NAME_PARTICLES = new Set(['de', 'da', 'van', 'von', 'der', 'bin', 'al', 'el', 'la', 'le', 'di', 'du', 'ibn']);
const NOT_NAMES = new Set(['The', 'A', 'An', 'This', 'That', 'In', 'On', 'At', 'And', 'But', 'He', 'She', 'They', 'It', 'His', 'Her', 'Their', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

function isCap(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}[\p{L}’'\-]*$/u.test(t.text) && !/^\p{Lu}+$/u.test(t.text.replace(/[’'\-]/g, '')) && !NOT_NAMES.has(t.text);
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[\s\u00a0]*$/.test(text.slice(a.end, b.start));
}

/** The role phrase ending at token k ("former Culture Minister", "Turkey’s intelligence chief"). */
function roleEndingAt(text: string, toks: readonly Token[], k: number): (Span & { text: string; head: string }) | undefined {
  const head = toks[k];
  if (!head || !ROLE_HEADS.has(head.lower)) return undefined;
  let first = k;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = toks[j];
    if (!adjacent(text, t, toks[j + 1])) break;
    if (PHRASE_BREAKERS.has(t.lower) && !ROLE_MODIFIERS.has(t.lower)) break;
    if (/^\p{Lu}/u.test(t.text) || ROLE_MODIFIERS.has(t.lower) || /['’]s$/.test(t.text) || (/^\p{Ll}+$/u.test(t.text) && !/(ed|ing)$/.test(t.lower) && j === k - 1)) first = j;
    else break;
  }
  return { start: toks[first].start, end: head.end, text: text.slice(toks[first].start, head.end), head: head.lower };
}

/** Splits a name into given name and surname; particles stay with the surname ("Ursula von der Leyen"). */
export function splitName(name: string): { given?: string; surname: string } {
  const parts = name.split(/\s+/).filter(Boolean);
  if (parts.length === 1) return { surname: parts[0] };
  let s = parts.length - 1;
  while (s > 1 && NAME_PARTICLES.has(parts[s - 1].toLowerCase())) s--;
  return { given: parts[0], surname: parts.slice(s).join(' ') };
}

function person(text: string, start: number, end: number, role?: Span & { text: string; head: string }, entity?: string): PersonMention {
  const name = text.slice(start, end).replace(/['’]s$/, '');
  const { given, surname } = splitName(name);
  return { start, end: start + name.length, name, given, surname, key: nameKey(surname), role, entity };
}

/**
 * People named with a role in a sentence: "<role> <Name>" and "<Name>, a/an/the/former <role> ...".
 * Used on its own when no entity engine output is available, and to find the role of known mentions.
 */
export function findTitledPeople(text: string, span: Span): PersonMention[] {
  const toks = tokenize(text, span.start, span.end);
  const out: PersonMention[] = [];
  for (let k = 0; k < toks.length; k++) {
    const role = roleEndingAt(text, toks, k);
    if (role && isCap(toks[k + 1]) && adjacent(text, toks[k], toks[k + 1])) {
      let last = k + 1;
      while (last + 1 < toks.length && last < k + 3 && (isCap(toks[last + 1]) || NAME_PARTICLES.has(toks[last + 1].lower) && isCap(toks[last + 2])) && adjacent(text, toks[last], toks[last + 1])) last++;
      // "President Putin and" / "Professor Wang Shuo of Beijing Foreign Studies University": stop before "of"
      out.push(person(text, toks[k + 1].start, toks[last].end, role));
      k = last;
      continue;
    }
    // appositive: "Vladimir Medinski, an advisor to President Putin and former Minister of Culture,"
    if (isCap(toks[k]) && isCap(toks[k + 1]) && adjacent(text, toks[k], toks[k + 1]) && (k === 0 || !isCap(toks[k - 1]) || !adjacent(text, toks[k - 1], toks[k]))) {
      let last = k + 1;
      while (last + 1 < toks.length && last < k + 2 && isCap(toks[last + 1]) && adjacent(text, toks[last], toks[last + 1])) last++;
      const after = text.slice(toks[last].end, toks[last + 1]?.start ?? toks[last].end);
      if (/^,\s*$/.test(after) && /^(a|an|the|former|then)$/i.test(toks[last + 1]?.text ?? '')) {
        const appos = appositiveRole(text, toks, last + 1, span.end);
        if (appos) {
          out.push(person(text, toks[k].start, toks[last].end, appos));
          k = last;
        }
      }
    }
  }
  return out;
}

/** The role in an appositive clause up to the next comma or full stop, if it contains a role noun. */
function appositiveRole(text: string, toks: readonly Token[], from: number, limit: number): (Span & { text: string; head: string }) | undefined {
  const startTok = toks[from];
  const rest = text.slice(startTok.start, limit);
  const stop = /[,.;:(]|—/.exec(rest);
  const end = startTok.start + (stop ? stop.index : rest.length);
  const inside = toks.filter((t) => t.start >= startTok.start && t.end <= end);
  const head = inside.find((t) => ROLE_HEADS.has(t.lower));
  if (!head || inside.length > 12) return undefined;
  const s = startTok.start + (/^(a|an|the)\s+/i.exec(rest)?.[0].length ?? 0);
  return { start: s, end, text: text.slice(s, end), head: head.lower };
}

/** The role right before a known mention ("Kremlin aide" before "Vladimir Medinsky"), or in an appositive after it. */
export function roleAround(text: string, sentence: Span, mention: Span): (Span & { text: string; head: string }) | undefined {
  const toks = tokenize(text, sentence.start, sentence.end);
  const i = toks.findIndex((t) => t.start >= mention.start);
  if (i > 0 && adjacent(text, toks[i - 1], toks[i])) {
    const r = roleEndingAt(text, toks, i - 1);
    if (r) return r;
  }
  const j = toks.findIndex((t) => t.start >= mention.end);
  if (j > 0 && /^,\s*$/.test(text.slice(mention.end, toks[j].start)) && /^(a|an|the|former|then)$/i.test(toks[j].text)) return appositiveRole(text, toks, j, sentence.end);
  return undefined;
}

/** Person mentions by article id, indexed once per folder so each article reads only its own. */
export function personMentionsByArticle(entities: readonly Entity[]): Map<string, { entity: string; mention: Mention }[]> {
  const out = new Map<string, { entity: string; mention: Mention }[]>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const m of e.mentions) {
      let list = out.get(m.article);
      if (!list) out.set(m.article, (list = []));
      list.push({ entity: e.id, mention: m });
    }
  }
  return out;
}

/** Person mentions of one article from the entities engine's output, with their roles. */
export function peopleFromEntities(text: string, mentions: readonly { entity: string; mention: Mention }[], sentenceOf: (offset: number) => Span | undefined): PersonMention[] {
  const out: PersonMention[] = [];
  for (const { entity, mention: m } of mentions) {
    const s = sentenceOf(m.start);
    if (!s) continue;
    // an entity span may include a title ("President Volodymyr Zelensky"): keep the name part only
    const toks = tokenize(text, m.start, m.end);
    let k = 0;
    while (k < toks.length - 1 && (ROLE_HEADS.has(toks[k].lower) || ROLE_MODIFIERS.has(toks[k].lower) || !isCap(toks[k]))) k++;
    if (!toks[k] || !isCap(toks[k])) continue;
    const nameStart = toks[k].start;
    const p = person(text, nameStart, toks[toks.length - 1].end, undefined, entity);
    // the entities engine knows name order ("Wang Shuo": family name first) better than a split on spaces
    if (m.parts?.family) {
      // a title the entities engine took for a given name ("Harbour Commissioner Ilona Varga": given
      // "Commissioner Ilona") is not part of the name: only words of the name itself are its given name
      const own = new Set(toks.slice(k).map((t) => t.text));
      const given = m.parts.given?.split(/\s+/).filter((w) => own.has(w)).join(' ');
      p.given = given || undefined;
      p.surname = m.parts.family;
      p.key = nameKey(m.parts.family);
    }
    p.role = roleAround(text, s, { start: nameStart, end: p.end });
    if (!p.role && m.role) {
      const at = text.lastIndexOf(m.role, m.start);
      const head = tokenize(m.role).map((t) => t.lower).find((w) => ROLE_HEADS.has(w));
      if (at >= s.start && head) p.role = { start: at, end: at + m.role.length, text: m.role, head };
    }
    out.push(p);
  }
  return out.sort((a, b) => a.start - b.start);
}
