// Applies a person's decisions over the engine's analysis: a post-process over whatever the entity and fact
// helpers produced, so it keeps working as they change. The person always wins: a merge, a split, a name, an
// ignored word, a claim they marked, a verdict they gave.
import type {
  AnchoredAnnotation, Analysis, Article, Claim, Entity, EntityType, Fact, Mention, Review, Spelling,
} from '../model';
import type { FolderDecisions } from './schema';

export interface Decisions {
  folder?: FolderDecisions;
  /** Anchored annotations (orphans are carried along but change nothing). */
  annotations?: readonly AnchoredAnnotation[];
}

/** Case, spacing and accents do not make a different name for the purpose of a person's decision. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

export function applyDecisions(analysis: Analysis, decisions: Decisions): Analysis {
  const folder = decisions.folder;
  const annotations = decisions.annotations ?? [];
  const live = annotations.filter((a) => a.anchor !== 'orphaned');
  const articles = applySources(analysis.articles, folder);
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const { entities, idMap } = applyEntityDecisions(analysis.entities, folder, live, articles, order);
  const facts = applyFactDecisions(analysis.facts, folder, live, articles, idMap);
  return { ...analysis, articles, entities, facts, annotations: [...annotations] };
}

function applySources(articles: Article[], folder?: FolderDecisions): Article[] {
  if (!folder) return articles;
  return articles.map((a) => {
    const s = folder.sources[a.file];
    if (!s) return a;
    return { ...a, ...(s.published ? { published: s.published } : {}), ...(s.outlet ? { outlet: s.outlet } : {}), ...(s.url ? { url: s.url } : {}) };
  });
}

interface WorkEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  decided?: { note?: string };
  /** Surface forms the engine grouped here, kept for name matching even after their mentions move. */
  names: Set<string>;
}

function applyEntityDecisions(source: Entity[], folder: FolderDecisions | undefined, annotations: readonly AnchoredAnnotation[],
  articles: Article[], order: Map<string, number>): { entities: Entity[]; idMap: Map<string, string | null> } {
  // Only the entities a decision or an annotation can reach are worked on; the rest pass through as they are,
  // so applying a few decisions over a folder of thousands of articles costs about the decisions, and the
  // unchanged entities keep their identity (the extension host re-indexes only what changed).
  const affected = affectedEntities(source, folder, annotations);
  let work: WorkEntity[] = source.filter((e) => affected.has(e)).map((e) => ({
    id: e.id, name: e.name, type: e.type, mentions: [...e.mentions], ...(e.decided ? { decided: e.decided } : {}),
    names: new Set([e.name, ...e.variants].map(nameKey)),
  }));
  // Where each original id ends up: another id after a merge, null once removed. Only ids that move are kept.
  const idMap = new Map<string, string | null>(work.map((e) => [e.id, e.id]));
  const redirect = (from: string, to: string | null): void => {
    for (const [k, v] of idMap) if (v === from) idMap.set(k, to);
  };
  const byKey = (key: string): WorkEntity[] => work.filter((e) => nameKey(e.name) === key || e.names.has(key));
  const textOf = (articleId: string, start: number, end: number): string => {
    const a = articles.find((x) => x.id === articleId);
    return a ? a.text.slice(start, end) : '';
  };
  let usedIds: Set<string> | undefined; // made when the first new entity needs an id

  const newId = (name: string): string => {
    const base = 'user:' + (nameKey(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'entity');
    let id = base;
    usedIds ??= new Set(source.map((e) => e.id));
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };

  if (folder) {
    // Not an entity: the whole entity when its name is listed, otherwise only the mentions spelled that way.
    const ignored = new Set(folder.notEntities.map(nameKey));
    for (const e of work) {
      if (ignored.has(nameKey(e.name))) e.mentions = [];
      else e.mentions = e.mentions.filter((m) => !ignored.has(nameKey(m.text)));
    }
    // Splits: mentions spelled one of the variants leave their entity and form (or join) the named one.
    for (const split of folder.splits) {
      const keys = new Set(split.variants.map(nameKey));
      const moved: Mention[] = [];
      let fromType: EntityType | undefined;
      for (const e of work) {
        const keep = e.mentions.filter((m) => !keys.has(nameKey(m.text)));
        if (keep.length !== e.mentions.length) {
          moved.push(...e.mentions.filter((m) => keys.has(nameKey(m.text))));
          fromType ??= e.type;
          e.mentions = keep;
          for (const k of keys) e.names.delete(k);
        }
      }
      if (moved.length === 0) continue;
      const target = work.find((e) => nameKey(e.name) === nameKey(split.name) && e.mentions.length > 0);
      if (target) {
        target.mentions.push(...moved);
        target.decided = { ...(split.note ? { note: split.note } : {}) };
      } else {
        work.push({
          id: newId(split.name), name: split.name, type: split.type ?? fromType ?? 'other', mentions: moved,
          decided: { ...(split.note ? { note: split.note } : {}) }, names: new Set([nameKey(split.name), ...keys]),
        });
      }
    }
    // Names and merges: every entity known by the decision's name or one of its variants becomes one, so named.
    for (const d of folder.entities) {
      const keys = [d.name, ...(d.variants ?? [])].map(nameKey);
      const matched = [...new Set(keys.flatMap(byKey))].filter((e) => e.mentions.length > 0);
      if (matched.length === 0) continue;
      matched.sort((a, b) => b.mentions.length - a.mentions.length);
      const [target, ...rest] = matched;
      for (const other of rest) {
        target.mentions.push(...other.mentions);
        for (const n of other.names) target.names.add(n);
        other.mentions = [];
        redirect(other.id, target.id);
      }
      target.name = d.name;
      if (d.type) target.type = d.type;
      for (const k of keys) target.names.add(k);
      target.decided = { ...(d.note ? { note: d.note } : {}) };
    }
  }

  // Entity annotations: the span is a mention of the named entity, whatever the engine thought.
  for (const a of annotations) {
    if (a.kind !== 'entity' || !a.entity) continue;
    const key = nameKey(a.entity);
    const overlaps = (m: Mention): boolean => m.article === a.article && m.start < a.end && a.start < m.end;
    if (work.some((e) => nameKey(e.name) === key && e.mentions.some(overlaps))) continue;
    let fromType: EntityType | undefined;
    for (const e of work) {
      if (!e.mentions.some(overlaps)) continue;
      fromType ??= e.type;
      e.mentions = e.mentions.filter((m) => !overlaps(m));
    }
    const mention: Mention = { article: a.article, start: a.start, end: a.end, text: textOf(a.article, a.start, a.end) || a.quote };
    const target = work.find((e) => nameKey(e.name) === key && e.mentions.length > 0) ?? work.find((e) => e.names.has(key) && e.mentions.length > 0);
    if (target) target.mentions.push(mention);
    else work.push({ id: newId(a.entity), name: a.entity, type: fromType ?? 'other', mentions: [mention], decided: {}, names: new Set([key]) });
  }

  work = work.filter((e) => {
    if (e.mentions.length > 0) return true;
    if (idMap.get(e.id) === e.id) redirect(e.id, null);
    return false;
  });
  for (const [k, v] of idMap) if (k === v) idMap.delete(k);
  if (affected.size === 0 && work.length === 0) return { entities: source, idMap };
  // The folder's order: every entity where it was (worked-on ones replaced or gone), new ones after.
  const worked = new Map(work.map((e) => [e.id, e]));
  const entities: Entity[] = [];
  for (const e of source) {
    if (!affected.has(e)) entities.push(e);
    else {
      const w = worked.get(e.id);
      if (w) {
        entities.push(finishEntity(w, order));
        worked.delete(e.id);
      }
    }
  }
  for (const w of worked.values()) entities.push(finishEntity(w, order));
  return { entities, idMap };
}

/**
 * The entities a person's decisions or entity annotations can change: those known by a name a decision or
 * annotation gives (their name, a variant or a mention's text), and those with a mention under an entity annotation.
 */
function affectedEntities(source: readonly Entity[], folder: FolderDecisions | undefined, annotations: readonly AnchoredAnnotation[]): Set<Entity> {
  const keys = new Set<string>();
  if (folder) {
    for (const n of folder.notEntities) keys.add(nameKey(n));
    for (const s of folder.splits) for (const n of [s.name, ...s.variants]) keys.add(nameKey(n));
    for (const d of folder.entities) for (const n of [d.name, ...(d.variants ?? [])]) keys.add(nameKey(n));
  }
  const marks = new Map<string, AnchoredAnnotation[]>();
  for (const a of annotations) {
    if (a.kind !== 'entity' || !a.entity) continue;
    keys.add(nameKey(a.entity));
    const list = marks.get(a.article);
    if (list) list.push(a);
    else marks.set(a.article, [a]);
  }
  const out = new Set<Entity>();
  if (keys.size === 0) return out;
  // Mention texts repeat (a name is spelled the same way many times): each is normalised once.
  const known = new Map<string, boolean>();
  const hit = (text: string): boolean => {
    let yes = known.get(text);
    if (yes === undefined) known.set(text, (yes = keys.has(nameKey(text))));
    return yes;
  };
  for (const e of source) {
    const named = hit(e.name) || e.variants.some(hit) || e.mentions.some((m) => hit(m.text));
    if (named || (marks.size > 0 && e.mentions.some((m) => marks.get(m.article)?.some((a) => m.start < a.end && a.start < m.end)))) out.add(e);
  }
  return out;
}

/** Recomputes what follows from the mentions: variants, spellings and articles, in folder order. */
function finishEntity(e: WorkEntity, order: Map<string, number>): Entity {
  const rank = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const seen = new Set<string>();
  const mentions = e.mentions
    .filter((m) => {
      const k = `${m.article}\u0000${m.start}\u0000${m.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => rank(a.article) - rank(b.article) || a.start - b.start || a.end - b.end);
  // Sets, not arrays searched per mention: a description such as "the talks" has a mention in every article.
  const spellingMap = new Map<string, Set<string>>();
  for (const m of mentions) {
    const set = spellingMap.get(m.text) ?? new Set<string>();
    set.add(m.article);
    spellingMap.set(m.text, set);
  }
  const spellings: Spelling[] = [...spellingMap].map(([text, arts]) => ({ text, articles: [...arts] }));
  const variants = [e.name, ...[...spellingMap.keys()].filter((t) => t !== e.name)];
  const articles = [...new Set(mentions.map((m) => m.article))];
  return {
    id: e.id, name: e.name, type: e.type, variants, spellings, mentions, articles,
    ...(e.decided ? { decided: e.decided } : {}),
  };
}

function applyFactDecisions(source: Fact[], folder: FolderDecisions | undefined, annotations: readonly AnchoredAnnotation[],
  articles: Article[], idMap: Map<string, string | null>): Fact[] {
  const remapEntities = (c: Claim): Claim => {
    if (!c.entities || !c.entities.some((id) => idMap.has(id))) return c;
    const ids = [...new Set(c.entities.map((id) => (idMap.has(id) ? idMap.get(id) : id)).filter((x): x is string => !!x))];
    return { ...c, entities: ids };
  };
  // Copy on write: a fact is copied only when a decision changes it, so the others keep their identity (and
  // applying a few decisions costs about those decisions, not the folder).
  const owned = new Set<Fact>();
  const own = (i: number): Fact => {
    if (!owned.has(facts[i])) {
      facts[i] = { ...facts[i], claims: [...facts[i].claims] };
      owned.add(facts[i]);
    }
    return facts[i];
  };
  let facts: Fact[] = [...source];
  /** Facts made here (a claim the engine missed, claims linked into a new fact). */
  const made = new Set<Fact>();
  const make = (f: Fact): Fact => {
    made.add(f);
    return f;
  };
  if (idMap.size > 0) {
    facts.forEach((f, i) => {
      if (f.claims.some((c) => c.entities?.some((id) => idMap.has(id)))) own(i).claims = f.claims.map(remapEntities);
    });
  }
  const decisions = new Map((folder?.facts ?? []).map((d) => [d.id, d]));
  // Claims a person linked to a fact, by fact id, with the engine fact each came from.
  const linked = new Map<string, { claim: Claim; from?: string }[]>();

  for (const a of annotations) {
    if (a.kind !== 'claim') continue;
    const review: Review = { ...(a.verdict ? { verdict: a.verdict } : {}), ...(a.note !== undefined ? { note: a.note } : {}), from: [a.id] };
    // A person's judgement belongs to the claim that best fits the marked words. Every claim that merely
    // overlaps them (a whole-clause statement around a number, say) would otherwise take the verdict too and,
    // with a fact link, be pulled out of the fact it belongs to.
    let best: { claim: Claim; fit: number } | undefined;
    for (const f of facts) {
      for (const c of f.claims) {
        if (c.article !== a.article || !(c.start < a.end && a.start < c.end)) continue;
        const fit = spanFit(c, a);
        if (!best || fit > best.fit) best = { claim: c, fit };
      }
    }
    const hit = best !== undefined;
    if (best) {
      const target = best.claim;
      facts.forEach((f, i) => {
        if (f.claims.includes(target)) own(i).claims = f.claims.map((c) => (c === target ? { ...c, review: mergeReview(c.review, review) } : c));
      });
    }
    if (a.fact) {
      const list = linked.get(a.fact) ?? [];
      facts.forEach((f, i) => {
        const mine = f.claims.filter((c) => c.review?.from.includes(a.id));
        if (mine.length === 0) return;
        own(i).claims = f.claims.filter((c) => !mine.includes(c));
        list.push(...mine.map((claim) => ({ claim, from: f.id })));
      });
      if (!hit) list.push({ claim: personClaim(a, articles, review) });
      linked.set(a.fact, list);
    } else if (!hit) {
      // A claim the engine did not see: it still shows, on its own, with the person's judgement.
      const claim = personClaim(a, articles, review);
      facts.push(make({ id: `user:${a.id}`, label: a.quote, kind: claim.kind, verdict: 'single', reason: 'marked as a claim by a person', claims: [claim] }));
    }
  }

  let byId: Map<string, Fact> | undefined;
  const engineFact = (id: string): Fact | undefined => (byId ??= new Map(source.map((f) => [f.id, f]))).get(id);
  for (const [factId, list] of linked) {
    const at = facts.findIndex((f) => f.id === factId);
    if (at >= 0) {
      own(at).claims.push(...list.map((x) => x.claim));
      continue;
    }
    const d = decisions.get(factId);
    const counts = new Map<string, number>();
    for (const x of list) if (x.from) counts.set(x.from, (counts.get(x.from) ?? 0) + 1);
    const main = [...counts].sort((p, q) => q[1] - p[1])[0]?.[0];
    const base = main ? engineFact(main) : undefined;
    const oneArticle = new Set(list.map((x) => x.claim.article)).size <= 1;
    facts.push(make({
      id: factId,
      label: d?.label ?? base?.label ?? list[0].claim.text,
      kind: base?.kind ?? list[0].claim.kind,
      verdict: oneArticle ? 'single' : base?.verdict ?? 'variant',
      reason: oneArticle ? 'claims linked by a person, all from one article' : `${base?.reason ? base.reason.replace(/[.;:\s]+$/, '') + '; ' : ''}claims linked by a person`,
      claims: list.map((x) => x.claim),
    }));
  }

  // Nothing reached any fact: the engine's facts, as they were (the common case of a folder without decisions).
  if (owned.size === 0 && made.size === 0 && decisions.size === 0 && facts.length === source.length && source.every((f) => f.claims.length > 0)) return source;
  facts = facts.filter((f) => f.claims.length > 0).map((f) => {
    // A fact no decision or annotation reached (not copied, not made here) is the engine's, as it was.
    if (!owned.has(f) && !made.has(f) && !decisions.has(f.id)) return f;
    const sourceFact = engineFact(f.id);
    const d = decisions.get(f.id);
    const shrunk = sourceFact && sourceFact.claims.length > 1 && new Set(f.claims.map((c) => c.article)).size <= 1 && new Set(sourceFact.claims.map((c) => c.article)).size > 1;
    const review: Review | undefined = d && (d.verdict || d.note !== undefined)
      ? { ...(d.verdict ? { verdict: d.verdict } : {}), ...(d.note !== undefined ? { note: d.note } : {}), from: [`fact:${d.id}`] }
      : undefined;
    return {
      ...f,
      ...(shrunk ? { verdict: 'single' as const, reason: 'the other claims were linked to another fact by a person' } : {}),
      ...(d?.label ? { label: d.label } : {}),
      ...(review ? { review } : {}),
    };
  });
  return facts;
}

/** Overlap over union of two spans: 1 for the same words, near 0 for a long clause around a short mark. */
function spanFit(x: { start: number; end: number }, y: { start: number; end: number }): number {
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  const union = Math.max(x.end, y.end) - Math.min(x.start, y.start);
  return union > 0 ? Math.max(0, overlap) / union : 0;
}

function mergeReview(old: Review | undefined, add: Review): Review {
  if (!old) return add;
  return {
    ...(add.verdict ?? old.verdict ? { verdict: add.verdict ?? old.verdict } : {}),
    ...(add.note ?? old.note ? { note: [old.note, add.note].filter(Boolean).join('\n') } : {}),
    from: [...old.from, ...add.from],
  };
}

function personClaim(a: AnchoredAnnotation, articles: Article[], review: Review): Claim {
  const article = articles.find((x) => x.id === a.article);
  const text = article ? article.text.slice(a.start, a.end) : a.quote;
  const sentence = article?.sentences.find((s) => s.start <= a.start && a.end <= s.end) ?? { start: a.start, end: a.end };
  return {
    id: `user:${a.id}`, article: a.article, start: a.start, end: a.end, text, kind: 'statement', value: text,
    normalized: { kind: 'statement', text }, sentence: { start: sentence.start, end: sentence.end }, review,
  };
}
