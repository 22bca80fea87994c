// Splits a large folder into stories: groups of articles that name the same rare people, places or
// organisations. Claims are aligned only within a story, so an archive of many events costs the sum of its
// stories rather than the square of the folder, and numbers of two unrelated events never meet.
import type { Article, Entity } from '../model';

/**
 * Below this many articles the whole folder is one story: a cluster about one event (the usual case, and
 * what the engine is judged on) keeps every cross-article alignment it would have had.
 */
export const STORY_MIN_FOLDER = 50;

/** The share of the fewer-named article's rare names two articles of one story have in common. */
const SHARED_SHARE = 0.5;

/** Story number by article id, or undefined when the folder is small enough to be one story. */
export function storiesOf(articles: readonly Article[], entities: readonly Entity[]): Map<string, number> | undefined {
  const n = articles.length;
  if (n < STORY_MIN_FOLDER) return undefined;
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // An entity in many articles ("Washington", "the UN") says nothing about which event an article reports;
  // joining on it would chain every story into one.
  const rare = Math.max(12, Math.min(20, Math.ceil(n * 0.02)));
  // Two articles belong to one story when they share two rare names, and those are a good part of the rare
  // names of the article with fewer: one shared name alone (a respelling that happens to match, a person in
  // two events) chains unrelated events into one story, and so do two names of a long article that names
  // twenty (an archive of thousands of articles has such coincidences, and one is enough to join two events).
  const shared = new Map<number, number>();
  const rareNames = new Int32Array(n);
  for (const e of entities) {
    if (e.articles.length < 2 || e.articles.length > rare) continue;
    const ids = [...new Set(e.articles.map((id) => index.get(id)).filter((i): i is number => i !== undefined))];
    for (const i of ids) rareNames[i]++;
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const key = Math.min(ids[x], ids[y]) * n + Math.max(ids[x], ids[y]);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const linked = new Set<number>();
  for (const [key, count] of shared) {
    if (count < 2) continue;
    const i = Math.floor(key / n);
    const j = key % n;
    if (count < SHARED_SHARE * Math.min(rareNames[i], rareNames[j])) continue;
    linked.add(i).add(j);
    parent[find(j)] = find(i);
  }
  // Articles that share no rare name with any other are kept together, so they still align with each other
  // exactly as before rather than each becoming a story of one.
  const loose = articles.findIndex((_, i) => !linked.has(i));
  for (let i = 0; i < n; i++) if (!linked.has(i)) parent[find(i)] = find(loose);
  return new Map(articles.map((a, i) => [a.id, find(i)]));
}
