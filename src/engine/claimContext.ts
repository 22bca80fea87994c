// What claim extraction reads from the folder's entities (claimContextOf: the folded place names, the person
// mentions of each article), kept up to date from the entities an edit added or removed: an edit changes a
// few entities, and building both from the folder's thousands of entities on every keystroke was a
// folder-wide step in the incremental engine. Equals claimContextOf over the same entities.
import type { Entity, Mention } from './model';
import { fold } from './claims/tokens';

type PersonMention = { entity: string; mention: Mention };

const placeKeys = (e: Entity): Set<string> => new Set(e.type === 'place' ? e.variants.map((v) => fold(v).replace(/^the\s+/, '')) : []);

export class ClaimContextTracker {
  private entities: readonly Entity[] = [];
  private readonly placeCounts = new Map<string, number>();
  /** The folder's place names; a new set whenever they change (isPlaceName indexes a set by its identity). */
  placeNames = new Set<string>();
  /** Person mentions by article, in entity order; an article's list is a new array whenever it changes. */
  readonly people = new Map<string, PersonMention[]>();
  private readonly personsIn = new Map<string, Set<Entity>>();

  /** Follows the folder's entities (in their order) to `entities`; true when the place names changed. */
  update(entities: readonly Entity[]): boolean {
    if (entities === this.entities) return false;
    const before = new Set(this.entities);
    const after = new Set(entities);
    const removed = this.entities.filter((e) => !after.has(e));
    const added = entities.filter((e) => !before.has(e));
    this.entities = entities;
    // Whether each place name counted was there before: an entity rebuilt with the same names changes nothing.
    const had = new Map<string, boolean>();
    const count = (e: Entity, by: 1 | -1) => {
      for (const k of placeKeys(e)) {
        const n = (this.placeCounts.get(k) ?? 0);
        if (!had.has(k)) had.set(k, n > 0);
        if (n + by === 0) this.placeCounts.delete(k);
        else this.placeCounts.set(k, n + by);
      }
    };
    const touched = new Set<string>();
    const track = (e: Entity, by: 1 | -1) => {
      count(e, by);
      if (e.type !== 'person') return;
      for (const a of e.articles) {
        touched.add(a);
        let set = this.personsIn.get(a);
        if (!set) this.personsIn.set(a, (set = new Set()));
        if (by > 0) set.add(e);
        else set.delete(e);
        if (set.size === 0) this.personsIn.delete(a);
      }
    };
    for (const e of removed) track(e, -1);
    for (const e of added) track(e, 1);
    const placesChanged = [...had].some(([k, was]) => this.placeCounts.has(k) !== was);
    if (placesChanged) this.placeNames = new Set(this.placeCounts.keys());
    if (touched.size) {
      const rank = new Map(entities.map((e, i) => [e, i]));
      for (const a of touched) {
        const persons = [...this.personsIn.get(a) ?? []].sort((x, y) => rank.get(x)! - rank.get(y)!);
        const list = persons.flatMap((e) => e.mentions.filter((m) => m.article === a).map((mention) => ({ entity: e.id, mention })));
        if (list.length) this.people.set(a, list);
        else this.people.delete(a);
      }
    }
    return placesChanged;
  }
}
