// The folder-level entity step kept up to date edit by edit: what allEntitiesFromMentions computes, redone
// only where an edit can reach. Each stage keeps what it read, so a change is followed forward:
//   evidence (names, words, lowercase words of the folder) -> the articles that asked about a changed key
//   are accepted again -> the forms (spellings) those articles hold -> the forms sharing a blocking key with
//   a changed form, and their cores, are grouped again (coresOf over that part) -> bare surnames that may
//   join a changed person -> the entities of changed groups, the countries named inside their names, the
//   ids of their name family, the descriptions of the articles whose names moved -> the folder's order.
// The result equals allEntitiesFromMentions over the same articles; the unit tests hold it to that.
import type { Article, Entity, Mention } from '../model';
import type { ArticleWords, Candidate } from './mentions';
import { noVotes } from './mentions';
import { ENTITY_TYPES } from '../model';
import { insertSorted } from '../sortedInsert';
import { articleEvidence, type Evidence, type Lookup } from './accept';
import {
  bareTargets, comparedWhole, coresOf, deleteKeys, isPersonCore, linkKeys, personKeys, formKey,
  type Core, type Form, type Group, type PersonIndex,
} from './group';
import { acceptArticle, byRank, familyIds, idFamily, isEntity, nestedIn, toEntity } from './index';
import { descriptionEntity, descriptionsOfArticle, isCountryEntity } from './descriptions';
import { foldName, translitKey } from './fold';

interface ArticleState {
  article: Article;
  words: ArticleWords;
  evidence: ReturnType<typeof articleEvidence>;
  accepted?: Candidate[];
  /** The evidence keys its acceptance asked about ('n', 'w' or 'l' and the key). */
  asked?: Set<string>;
}

interface FormState {
  form: Form;
  keys: string[];
  byArticle: Map<string, Candidate[]>;
}

interface CoreState extends Core {
  uid: number;
}

interface Built {
  entity: Entity;
  /** Entity of the group (else only kept for its moves); a country named inside other names, when place+knownName. */
  nested: [string, Candidate][];
  country?: string;
}

const BARE_KEYS = (w: string): string[] => [`S${w}`, `F${w}`, ...deleteKeys(w, 1).map((k) => `N${k}`)];

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

function removeFrom<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}

/** Counts of a multiset, reporting the keys that appeared or disappeared. */
function count(m: Map<string, number>, key: string, by: number, flipped: Set<string>, prefix: string): void {
  const n = (m.get(key) ?? 0) + by;
  if (n === 0) m.delete(key);
  else m.set(key, n);
  if (n === 0 || n === by) flipped.add(prefix + key);
}

const VOTES = ['person', 'place', 'organization', 'event', 'other'] as const;

/** Whether two acceptances of one article's candidates say the same (every field grouping reads). */
function sameAccepted(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.start === y.start && x.end === y.end && x.text === y.text && x.evidence === y.evidence && x.role === y.role &&
      x.quoted === y.quoted && x.sentence === y.sentence && x.nested === y.nested && x.words.length === y.words.length &&
      x.words.every((w, k) => w === y.words[k]) && VOTES.every((t) => x.votes[t] === y.votes[t]);
  });
}

/** Where an entity's mentions sit in each article, for comparing two versions of it. */
function placesByArticle(e: Entity): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of e.mentions) out.set(m.article, `${out.get(m.article) ?? ''}${m.start}:${m.end},`);
  return out;
}

/**
 * The articles whose descriptions may read differently after an entity changed from `before` to `after`:
 * descriptions read where names are, which are countries, and (at one offset) countries' ids.
 */
function articlesToReread(before: Entity | undefined, after: Entity | undefined): Iterable<string> {
  if (!before || !after || before.id !== after.id || isCountryEntity(before) !== isCountryEntity(after)) {
    return new Set([...before?.articles ?? [], ...after?.articles ?? []]);
  }
  const a = placesByArticle(before);
  const b = placesByArticle(after);
  const out: string[] = [];
  for (const [id, at] of a) if (b.get(id) !== at) out.push(id);
  for (const id of b.keys()) if (!a.has(id)) out.push(id);
  return out;
}

export class FolderEntities {
  private readonly states = new Map<string, ArticleState>();
  private order = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly words = new Map<string, number>();
  private readonly lowercase = new Map<string, number>();
  private readonly lengths = new Map<number, number>();
  private longest = 1;
  private readonly askedBy = new Map<string, Set<string>>();
  /** Index of each accepted candidate in its article's accepted list (folder order within an article). */
  private readonly position = new Map<Candidate, number>();

  private readonly forms = new Map<string, FormState>();
  private readonly linkIndex = new Map<string, Set<string>>();
  private readonly bareIndex = new Map<string, Set<string>>();
  private readonly coreOf = new Map<string, CoreState>();
  private readonly placeForms = new Set<string>();
  private nextUid = 1;

  private readonly bySurname = new Map<string, Set<CoreState>>();
  private readonly byFirst = new Map<string, Set<CoreState>>();
  private readonly near = new Map<string, Map<string, number>>();

  private readonly moved = new Map<Candidate, CoreState>();
  private readonly movedInto = new Map<CoreState, Set<Candidate>>();
  private readonly movedFrom = new Map<string, [Candidate, CoreState][]>();

  private readonly built = new Map<CoreState, Built>();
  private readonly nestedBy = new Map<string, Map<CoreState, Candidate[]>>();
  private readonly countryCores = new Map<string, Set<CoreState>>();
  private readonly families = new Map<string, Set<CoreState>>();
  private readonly articleCores = new Map<string, Set<CoreState>>();
  private readonly entityCore = new Map<Entity, CoreState>();

  private readonly found = new Map<string, { kind: string; country?: CoreState; mention: Mention }[]>();
  private readonly dGroups = new Map<string, { kind: string; country?: CoreState; byArticle: Map<string, Mention[]>; entity?: Entity }>();

  private sorted: Entity[] = [];
  /** How many times the whole folder was grouped at once (the first analysis, or an oversized block). */
  fullGroupings = 0;
  /** Forms grouped again so far (all of them on a whole-folder grouping, the part an edit reaches otherwise). */
  formsRegrouped = 0;
  /** What the last update redid (for the bench and tests). */
  last = { accepted: 0, forms: 0, regrouped: 0, bare: 0, entities: 0, reread: 0 };

  /** The entities of every type of `articles` (in folder order), as allEntitiesFromMentions gives them. */
  update(articles: readonly Article[], perArticle: readonly ArticleWords[]): Entity[] {
    const order = new Map(articles.map((a, i) => [a.id, i]));
    const changed: string[] = [];
    const removed: ArticleState[] = [];
    for (const [id, st] of this.states) if (!order.has(id)) removed.push(st);
    articles.forEach((a, i) => {
      const st = this.states.get(a.id);
      if (!st || st.article !== a || st.words !== perArticle[i]) changed.push(a.id);
    });
    if (changed.length === 0 && removed.length === 0) {
      this.order = order;
      return this.sorted;
    }
    this.order = order;

    // Evidence.
    const flipped = new Set<string>();
    const account = (ev: ArticleState['evidence'], by: number) => {
      for (const k of ev.names) count(this.names, k, by, flipped, 'n');
      for (const k of ev.words) count(this.words, k, by, flipped, 'w');
      for (const k of ev.lowercase) count(this.lowercase, k, by, flipped, 'l');
      const n = (this.lengths.get(ev.longest) ?? 0) + by;
      if (n === 0) this.lengths.delete(ev.longest);
      else this.lengths.set(ev.longest, n);
    };
    const dropped: ArticleState[] = [...removed];
    for (const st of removed) {
      account(st.evidence, -1);
      this.states.delete(st.article.id);
    }
    articles.forEach((a, i) => {
      const st = this.states.get(a.id);
      if (st && st.article === a && st.words === perArticle[i]) return;
      if (st) {
        account(st.evidence, -1);
        dropped.push(st);
      }
      const words = perArticle[i];
      const next: ArticleState = { article: a, words, evidence: articleEvidence(words) };
      account(next.evidence, 1);
      this.states.set(a.id, next);
    });
    this.longest = Math.max(1, ...this.lengths.keys());

    // Acceptance: the changed articles, and those that asked about a key that appeared or disappeared.
    const accept = new Set(changed);
    for (const k of flipped) for (const id of this.askedBy.get(k) ?? []) accept.add(id);
    const dirtyForms = new Set<string>();
    const forget = (id: string, st: ArticleState) => {
      for (const k of st.asked ?? []) removeFrom(this.askedBy, k, id);
      for (const c of st.accepted ?? []) {
        this.position.delete(c);
        const key = formKey(c.text);
        if (!key) continue;
        const fs = this.forms.get(key);
        if (fs?.byArticle.delete(id)) dirtyForms.add(key);
      }
    };
    for (const st of dropped) forget(st.article.id, st);
    const evidence = this.evidence();
    for (const id of accept) {
      const st = this.states.get(id);
      if (!st) continue;
      const asked = new Set<string>();
      const recording: Evidence = {
        names: { has: (k) => (asked.add(`n${k}`), evidence.names.has(k)) },
        words: { has: (k) => (asked.add(`w${k}`), evidence.words.has(k)) },
        lowercase: { has: (k) => (asked.add(`l${k}`), evidence.lowercase.has(k)) },
        longest: evidence.longest,
      };
      const accepted = acceptArticle(st.words, recording, st.article);
      const prior = st.accepted;
      // A title-case line is matched against the folder's names up to the longest: every phrase it could ask
      // about counts as asked, so a longer name appearing elsewhere reaches only the articles that hold it.
      for (const c of st.words.candidates) {
        if (c.evidence !== 'all' || c.quoted) continue;
        for (let i = 0; i < c.words.length; i++) {
          for (let n = 2; i + n <= c.words.length; n++) {
            const last = c.words[i + n - 1];
            if (last.cap || last.acronym) asked.add(`n${foldName(c.words.slice(i, i + n).map((w) => w.text).join(' '))}`);
          }
        }
      }
      // Asked again because some word of the folder changed, an article mostly accepts what it did: then its
      // candidates, and the forms holding them, stay as they were.
      if (prior && sameAccepted(prior, accepted)) {
        for (const k of st.asked ?? []) removeFrom(this.askedBy, k, id);
        st.asked = asked;
        for (const k of asked) addTo(this.askedBy, k, id);
        continue;
      }
      if (prior) forget(id, st);
      st.accepted = accepted;
      st.asked = asked;
      for (const k of asked) addTo(this.askedBy, k, id);
      st.accepted.forEach((c, i) => this.position.set(c, i));
      for (const c of st.accepted) {
        const key = formKey(c.text);
        if (!key) continue;
        let fs = this.forms.get(key);
        if (!fs) {
          fs = { form: undefined as unknown as Form, keys: [], byArticle: new Map() };
          this.forms.set(key, fs);
        }
        const list = fs.byArticle.get(id);
        if (list) list.push(c);
        else fs.byArticle.set(id, [c]);
        dirtyForms.add(key);
      }
    }

    // Forms: rebuilt from their articles' mentions in folder order.
    const oldKeys = new Map<string, string[]>();
    const oldForms = new Map<string, Form>();
    for (const key of dirtyForms) {
      const fs = this.forms.get(key)!;
      if (fs.form) {
        oldKeys.set(key, fs.keys);
        oldForms.set(key, fs.form);
        for (const k of fs.keys) removeFrom(this.linkIndex, k, key);
        if (fs.form.words.length === 1) for (const k of BARE_KEYS(fs.form.words[0])) removeFrom(this.bareIndex, k, key);
      }
      if (fs.byArticle.size === 0) {
        this.forms.delete(key);
        continue;
      }
      fs.form = this.buildForm(key, fs.byArticle);
      fs.keys = linkKeys(fs.form);
      for (const k of fs.keys) addTo(this.linkIndex, k, key);
      if (fs.form.words.length === 1) for (const k of BARE_KEYS(fs.form.words[0])) addTo(this.bareIndex, k, key);
    }

    // The part of the folder to group again: changed forms, forms sharing a key with one, forms linked to
    // one through places, and the whole cores they are in.
    const reach = new Set<string>(dirtyForms);
    const keysOf = (key: string): string[] => [...(oldKeys.get(key) ?? []), ...(this.forms.get(key)?.keys ?? [])];
    for (const key of dirtyForms) for (const k of keysOf(key)) for (const f of this.linkIndex.get(k) ?? []) reach.add(f);
    const queue = [...dirtyForms];
    const seenPlace = new Set(queue);
    while (queue.length) {
      const key = queue.pop()!;
      for (const k of keysOf(key)) {
        if (k[0] !== 'P' && k[0] !== 'K') continue;
        for (const f of this.linkIndex.get(k) ?? []) {
          if (seenPlace.has(f)) continue;
          seenPlace.add(f);
          reach.add(f);
          queue.push(f);
        }
      }
    }
    const oldCores = new Set<CoreState>();
    for (const key of reach) {
      const g = this.coreOf.get(key);
      if (g) oldCores.add(g);
    }
    const part = new Set<string>();
    for (const key of reach) if (this.forms.has(key)) part.add(key);
    for (const g of oldCores) for (const f of g.forms) if (this.forms.has(f.key)) part.add(f.key);
    let partForms = [...part].map((k) => this.forms.get(k)!.form);
    // A block larger than pairsInBlocks compares whole is split by what it holds: then group the folder at once.
    const whole = partForms.every((f) => this.forms.get(f.key)!.keys.every((k) => !'GSD'.includes(k[0]) || comparedWhole(this.linkIndex.get(k)!.size)));
    if (!whole || this.coreOf.size === 0) {
      this.fullGroupings++;
      for (const g of this.coreOf.values()) oldCores.add(g);
      partForms = [...this.forms.values()].map((fs) => fs.form);
    }
    partForms.sort((a, b) => this.formRank(a) - this.formRank(b));
    const regrouped = coresOf(partForms);
    this.formsRegrouped += partForms.length;

    // Cores: an unchanged one keeps its object (what step 6 and the entities key on).
    const addedCores: CoreState[] = [];
    const keptCores = new Set<CoreState>();
    for (const c of regrouped.cores) {
      const before = this.coreOf.get(c.forms[0].key);
      if (before && oldCores.has(before) && before.forms.length === c.forms.length && before.forms.every((f, i) => f === c.forms[i]) &&
        before.knownName === c.knownName && before.place === c.place) {
        keptCores.add(before);
        continue;
      }
      addedCores.push({ ...c, uid: this.nextUid++ });
    }
    const removedCores = [...oldCores].filter((g) => !keptCores.has(g));
    for (const g of removedCores) {
      if (isPersonCore(g)) this.indexPerson(g, -1);
      for (const f of g.forms) if (this.coreOf.get(f.key) === g) this.coreOf.delete(f.key);
    }
    for (const f of partForms) {
      if (regrouped.placeForms.has(f)) this.placeForms.add(f.key);
      else this.placeForms.delete(f.key);
    }
    for (const key of dirtyForms) if (!this.forms.has(key)) this.placeForms.delete(key);
    for (const g of addedCores) {
      for (const f of g.forms) this.coreOf.set(f.key, g);
      if (isPersonCore(g)) this.indexPerson(g, 1);
    }

    // Step 6: bare names in the regrouped part, and those that may join a changed person.
    const bare = new Set<string>();
    for (const key of [...part, ...dirtyForms]) if (this.forms.get(key)?.form.words.length === 1 || oldForms.get(key)?.words.length === 1) bare.add(key);
    for (const g of [...removedCores, ...addedCores]) {
      if (!isPersonCore(g)) continue;
      const { surnames, firsts } = personKeys(g);
      for (const s of surnames) {
        for (const f of this.bareIndex.get(`S${s}`) ?? []) bare.add(f);
        for (const k of deleteKeys(s, 1)) for (const f of this.bareIndex.get(`N${k}`) ?? []) bare.add(f);
      }
      for (const w of firsts) for (const f of this.bareIndex.get(`F${w}`) ?? []) bare.add(f);
    }
    const entityDirty = new Set<CoreState>(addedCores);
    const people = this.personIndex();
    const rank = (g: Core) => this.formRank(g.forms[0]);
    for (const key of bare) {
      const before = this.movedFrom.get(key) ?? [];
      const fs = this.forms.get(key);
      const after = fs ? bareTargets(fs.form, this.coreOf.get(key)!, this.placeForms.has(key), people, rank) as [Candidate, CoreState][] : [];
      if (before.length === after.length && before.every(([m, g], i) => after[i][0] === m && after[i][1] === g)) continue;
      for (const [m, g] of before) {
        this.moved.delete(m);
        removeFrom(this.movedInto, g, m);
        entityDirty.add(g);
      }
      for (const [m, g] of after) {
        this.moved.set(m, g);
        addTo(this.movedInto, g, m);
        entityDirty.add(g);
      }
      if (after.length) this.movedFrom.set(key, after);
      else this.movedFrom.delete(key);
      const own = this.coreOf.get(key);
      if (own) entityDirty.add(own);
    }

    // Entities of the changed groups; then of the countries named inside their names.
    const replaced = new Set<Entity>();
    /** The entity each rebuilt core had before this update (what its articles' descriptions were read with). */
    const previous = new Map<CoreState, Entity>();
    const retire = (g: CoreState, e: Entity) => {
      replaced.add(e);
      if (!previous.has(g)) previous.set(g, e);
    };
    const countriesTouched = new Set<string>();
    const drop = (g: CoreState) => {
      const b = this.built.get(g);
      if (!b) return;
      this.built.delete(g);
      for (const [country] of b.nested) {
        countriesTouched.add(country);
        const by = this.nestedBy.get(country);
        by?.delete(g);
        if (by?.size === 0) this.nestedBy.delete(country);
      }
      if (b.country) {
        removeFrom(this.countryCores, b.country, g);
        countriesTouched.add(b.country);
      }
      retire(g, b.entity);
    };
    for (const g of removedCores) drop(g);
    const removedSet = new Set(removedCores);
    const groups = new Map<CoreState, Pick<Group, 'mentions' | 'place' | 'knownName'>>();
    for (const g of entityDirty) {
      if (removedSet.has(g)) continue;
      drop(g);
      const group = this.groupOf(g);
      if (group.mentions.length === 0 || !isEntity(group)) continue;
      groups.set(g, group);
      const nested = nestedIn(group);
      const byCountry = new Map<string, Candidate[]>();
      for (const [country, m] of nested) {
        const list = byCountry.get(country);
        if (list) list.push(m);
        else byCountry.set(country, [m]);
      }
      for (const [country, list] of byCountry) {
        countriesTouched.add(country);
        let by = this.nestedBy.get(country);
        if (!by) this.nestedBy.set(country, (by = new Map()));
        by.set(g, list);
      }
      const country = g.place && g.knownName ? foldName(g.knownName) : undefined;
      if (country) {
        addTo(this.countryCores, country, g);
        countriesTouched.add(country);
      }
      this.built.set(g, { entity: undefined as unknown as Entity, nested, ...(country ? { country } : {}) });
    }
    // Every group naming a touched country is rebuilt: its nested mentions go to the first in folder order.
    for (const country of countriesTouched) {
      for (const g of this.countryCores.get(country) ?? []) {
        if (groups.has(g)) continue;
        retire(g, this.built.get(g)!.entity);
        groups.set(g, this.groupOf(g));
      }
    }
    const fresh = new Set<Entity>();
    const familiesTouched = new Set<string>();
    for (const [g, group] of groups) {
      const b = this.built.get(g)!;
      const country = b.country;
      const owner = country ? this.countryOwner(country) === g : false;
      const nested = owner ? [...this.nestedBy.get(country!)?.entries() ?? []].sort(([a], [b]) => rank(a) - rank(b)).flatMap(([, l]) => l) : [];
      const entity = toEntity(group, this.order, nested);
      b.entity = entity;
      fresh.add(entity);
      familiesTouched.add(idFamily(entity.name));
    }
    for (const old of replaced) {
      const g = this.entityCore.get(old);
      if (g) {
        this.entityCore.delete(old);
        familiesTouched.add(idFamily(old.name));
        removeFrom(this.families, idFamily(old.name), g);
        for (const a of old.articles) removeFrom(this.articleCores, a, g);
      }
    }
    for (const [g] of groups) {
      const e = this.built.get(g)!.entity;
      this.entityCore.set(e, g);
      addTo(this.families, idFamily(e.name), g);
    }
    // Ids within the touched families; an entity already handed out is copied, never changed.
    for (const family of familiesTouched) {
      const members = [...this.families.get(family) ?? []].map((g) => this.built.get(g)!.entity);
      for (const [e, id] of familyIds(members)) {
        if (e.id === id) continue;
        if (fresh.has(e)) {
          e.id = id;
          continue;
        }
        const g = this.entityCore.get(e)!;
        const copy = { ...e, id };
        this.built.get(g)!.entity = copy;
        this.entityCore.delete(e);
        this.entityCore.set(copy, g);
        retire(g, e);
        fresh.add(copy);
      }
    }
    for (const e of fresh) for (const a of e.articles) addTo(this.articleCores, a, this.entityCore.get(e)!);

    // Descriptions of the articles whose names changed, and of the changed articles.
    const reread = new Set<string>(changed);
    // A regrouped core with the same first form is the same thing changed: compare the two versions.
    const oldCoreByForm = new Map<string, CoreState>();
    for (const g of removedCores) for (const f of g.forms) if (!oldCoreByForm.has(f.key)) oldCoreByForm.set(f.key, g);
    const paired = new Map<CoreState, CoreState>();
    const cores = new Set([...previous.keys(), ...[...fresh].map((e) => this.entityCore.get(e)!)]);
    for (const g of cores) {
      if (removedSet.has(g)) continue;
      let before = previous.get(g);
      if (!before) {
        const o = oldCoreByForm.get(g.forms[0].key);
        if (o && previous.has(o) && !paired.has(o)) {
          before = previous.get(o);
          paired.set(o, g);
        }
      }
      for (const a of articlesToReread(before, this.built.get(g)?.entity)) reread.add(a);
    }
    for (const g of removedCores) if (previous.has(g) && !paired.has(g)) for (const a of previous.get(g)!.articles) reread.add(a);
    this.last = { accepted: accept.size, forms: dirtyForms.size, regrouped: partForms.length, bare: bare.size, entities: groups.size, reread: reread.size };
    const dDirty = new Set<string>();
    const dKey = (kind: string, country?: CoreState) => `${kind}\u0000${country?.uid ?? ''}`;
    // A country regrouped into a new core keeps its descriptions in the articles not read again.
    for (const [k, d] of [...this.dGroups]) {
      const to = d.country && paired.get(d.country);
      if (!to) continue;
      const from = d.country;
      this.dGroups.delete(k);
      d.country = to;
      const key = dKey(d.kind, to);
      this.dGroups.set(key, d);
      dDirty.add(key);
      for (const id of d.byArticle.keys()) for (const f of this.found.get(id) ?? []) if (f.country === from) f.country = to;
    }
    const unfind = (id: string) => {
      for (const f of this.found.get(id) ?? []) {
        const k = dKey(f.kind, f.country);
        const d = this.dGroups.get(k);
        if (d?.byArticle.delete(id)) dDirty.add(k);
      }
      this.found.delete(id);
    };
    for (const st of removed) unfind(st.article.id);
    for (const id of reread) {
      unfind(id);
      const st = this.states.get(id);
      if (!st) continue;
      const named = [...this.articleCores.get(id) ?? []].map((g) => this.built.get(g)!.entity);
      const list = descriptionsOfArticle(st.article, named).map((f) => ({ kind: f.kind, ...(f.country ? { country: this.entityCore.get(f.country)! } : {}), mention: f.mention }));
      if (list.length) this.found.set(id, list);
      for (const f of list) {
        const k = dKey(f.kind, f.country);
        let d = this.dGroups.get(k);
        if (!d) this.dGroups.set(k, (d = { kind: f.kind, ...(f.country ? { country: f.country } : {}), byArticle: new Map() }));
        const ms = d.byArticle.get(id);
        if (ms) ms.push(f.mention);
        else d.byArticle.set(id, [f.mention]);
        dDirty.add(k);
      }
    }
    // A country's descriptions take its id and adjective: rebuilt when the country's entity changed.
    for (const [k, d] of this.dGroups) if (d.country && (!this.built.has(d.country) || fresh.has(this.built.get(d.country)!.entity))) dDirty.add(k);
    for (const k of dDirty) {
      const d = this.dGroups.get(k);
      if (!d) continue;
      if (d.entity) replaced.add(d.entity);
      if (d.byArticle.size === 0) {
        this.dGroups.delete(k);
        continue;
      }
      const country = d.country ? this.built.get(d.country)?.entity : undefined;
      d.entity = descriptionEntity(d.kind, country, [...d.byArticle.values()].flat(), this.order);
      fresh.add(d.entity);
    }

    // The folder's order: the unchanged entities keep theirs; the changed ones are put in place.
    const kept = this.sorted.filter((e) => !replaced.has(e) && !fresh.has(e));
    const added = [...fresh].sort(byRank);
    if (added.length > 64) this.sorted = [...kept, ...added].sort(byRank);
    else {
      insertSorted(kept, added, byRank);
      this.sorted = kept;
    }
    return this.sorted;
  }

  /** A core's mentions: its forms' less those that joined a person, and the bare names that joined it. */
  private groupOf(g: CoreState): Pick<Group, 'mentions' | 'place' | 'knownName'> {
    const mentions: Candidate[] = [];
    for (const f of g.forms) for (const m of f.mentions) if (!this.moved.has(m)) mentions.push(m);
    for (const m of this.movedInto.get(g) ?? []) mentions.push(m);
    return { mentions, place: g.place, knownName: g.knownName };
  }

  private evidence(): Evidence {
    const has = (m: Map<string, number>): Lookup => ({ has: (k) => m.has(k) });
    return { names: has(this.names), words: has(this.words), lowercase: has(this.lowercase), longest: this.longest };
  }

  /** Folder order of a form: where its first mention is. */
  private formRank(f: Form): number {
    const m = f.mentions[0];
    return this.order.get(m.article)! * 65536 + this.position.get(m)!;
  }

  /** A form as buildForms makes it, from its mentions by article. */
  private buildForm(key: string, byArticle: Map<string, Candidate[]>): Form {
    const ids = [...byArticle.keys()].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    const f: Form = { key, words: translitKey(key).split(' '), mentions: [], votes: noVotes(), articles: new Set(), roleWords: new Set() };
    for (const id of ids) {
      for (const m of byArticle.get(id)!) {
        f.mentions.push(m);
        f.articles.add(m.article);
        for (const t of ENTITY_TYPES) f.votes[t] += m.votes[t];
        if (m.role) for (const w of foldName(m.role).split(' ')) if (w.length > 2 && !['former', 'the', 'and', 'of'].includes(w)) f.roleWords.add(w);
      }
    }
    return f;
  }

  private indexPerson(g: CoreState, by: 1 | -1): void {
    const { surnames, firsts } = personKeys(g);
    for (const s of surnames) {
      if (by > 0) addTo(this.bySurname, s, g);
      else removeFrom(this.bySurname, s, g);
      const had = this.bySurname.has(s);
      // A surname is near-indexed while some person core has it.
      if ((by > 0 && this.bySurname.get(s)!.size === 1) || (by < 0 && !had)) {
        for (const k of deleteKeys(s, 1)) {
          let m = this.near.get(k);
          if (!m) this.near.set(k, (m = new Map()));
          if (by > 0) m.set(s, 1);
          else {
            m.delete(s);
            if (m.size === 0) this.near.delete(k);
          }
        }
      }
    }
    for (const w of firsts) {
      if (by > 0) addTo(this.byFirst, w, g);
      else removeFrom(this.byFirst, w, g);
    }
  }

  private personIndex(): PersonIndex {
    const rank = (g: Core) => this.formRank(g.forms[0]);
    const inOrder = (s: Set<CoreState> | undefined) => (s ? [...s].sort((a, b) => rank(a) - rank(b)) : []);
    return {
      withSurname: (s) => inOrder(this.bySurname.get(s)),
      withFirst: (w) => inOrder(this.byFirst.get(w)),
      surnamesNear: (w) => [...new Set(deleteKeys(w, 1).flatMap((k) => [...this.near.get(k)?.keys() ?? []]))],
    };
  }

  private countryOwner(country: string): CoreState | undefined {
    let best: CoreState | undefined;
    for (const g of this.countryCores.get(country) ?? []) if (!best || this.formRank(g.forms[0]) < this.formRank(best.forms[0])) best = g;
    return best;
  }
}
