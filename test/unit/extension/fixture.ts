// A hand-built analysis of three small articles, shaped like the engine's output, for the extension's pure helpers.
import type { Analysis, Claim, Entity, Fact, Mention } from '../../../src/engine/model';
import { parseArticle } from '../../../src/engine/text/article';

export const TEXTS = {
  'a.txt': 'Talks in Istanbul\nDefense Minister Rustem Umjurov led the team. Ukraine said 117 drones were used.\n',
  'b.txt': 'Delegations meet\nThe team of Rustem Umgerov met Vadim Medinsky. Officials said hundreds of drones hit airbases.\n',
  'c.txt': 'Second round\nRustem Umerov and Vladimir Medinsky met at 1 p.m. in Istanbul.\n',
};

function mention(article: string, text: string, word: string): Mention {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in ${article}`);
  return { article, start, end: start + word.length, text: word };
}

function claim(id: string, article: string, text: string, words: string, value: string, normalized: Record<string, unknown>, extra: Partial<Claim> = {}): Claim {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`${words} not in ${article}`);
  const parsed = parseArticle({ file: article, text });
  const sentence = parsed.sentences.find((s) => s.start <= start && start < s.end) ?? { start, end: start + words.length };
  return { id, article, start, end: start + words.length, text: words, kind: normalized.kind as Claim['kind'], value, normalized: normalized as Claim['normalized'], sentence: { start: sentence.start, end: sentence.end }, ...extra };
}

export function fixtureAnalysis(): Analysis {
  const articles = Object.entries(TEXTS).map(([file, text]) => parseArticle({ file, text }));
  const [a, b, c] = [TEXTS['a.txt'], TEXTS['b.txt'], TEXTS['c.txt']];
  const umerov: Entity = {
    id: 'person:umerov',
    name: 'Rustem Umerov',
    type: 'person',
    variants: ['Rustem Umerov', 'Rustem Umjurov', 'Rustem Umgerov'],
    spellings: [
      { text: 'Rustem Umerov', articles: ['c.txt'] },
      { text: 'Rustem Umjurov', articles: ['a.txt'] },
      { text: 'Rustem Umgerov', articles: ['b.txt'] },
    ],
    mentions: [mention('a.txt', a, 'Rustem Umjurov'), mention('b.txt', b, 'Rustem Umgerov'), mention('c.txt', c, 'Rustem Umerov')],
    articles: ['a.txt', 'b.txt', 'c.txt'],
  };
  const medinsky: Entity = {
    id: 'person:medinsky',
    name: 'Vladimir Medinsky',
    type: 'person',
    variants: ['Vladimir Medinsky', 'Vadim Medinsky'],
    spellings: [
      { text: 'Vladimir Medinsky', articles: ['c.txt'] },
      { text: 'Vadim Medinsky', articles: ['b.txt'] },
    ],
    mentions: [mention('b.txt', b, 'Vadim Medinsky'), mention('c.txt', c, 'Vladimir Medinsky')],
    articles: ['b.txt', 'c.txt'],
  };
  const istanbul: Entity = {
    id: 'place:istanbul', name: 'Istanbul', type: 'place', variants: ['Istanbul'],
    spellings: [{ text: 'Istanbul', articles: ['a.txt', 'c.txt'] }],
    mentions: [mention('a.txt', a, 'Istanbul'), mention('c.txt', c, 'Istanbul')],
    articles: ['a.txt', 'c.txt'],
  };
  const drones: Fact = {
    id: 'fact:drones',
    label: 'drones used in the strike',
    kind: 'quantity',
    verdict: 'conflict',
    reason: '117 vs hundreds (200–999): incompatible',
    claims: [
      claim('a:drones', 'a.txt', a, '117 drones', '117', { kind: 'quantity', min: 117, max: 117, unit: 'drone' }, { attribution: 'Ukraine' }),
      claim('b:drones', 'b.txt', b, 'hundreds of drones', 'hundreds', { kind: 'quantity', min: 200, max: 999, unit: 'drone' }, { attribution: 'Officials', hedge: 'said' }),
    ],
  };
  const head: Fact = {
    id: 'fact:russian-head',
    label: 'head of the Russian delegation',
    kind: 'name',
    verdict: 'variant',
    reason: 'Vadim Medinsky vs Vladimir Medinsky: a different first name',
    claims: [
      claim('b:head', 'b.txt', b, 'Vadim Medinsky', 'Vadim Medinsky', { kind: 'name', entity: 'person:medinsky' }, { entities: ['person:medinsky'] }),
      claim('c:head', 'c.txt', c, 'Vladimir Medinsky', 'Vladimir Medinsky', { kind: 'name', entity: 'person:medinsky' }, { entities: ['person:medinsky'] }),
    ],
  };
  const time: Fact = {
    id: 'fact:time',
    label: 'start of the talks',
    kind: 'time',
    verdict: 'single',
    reason: 'only one source gives it',
    claims: [claim('c:time', 'c.txt', c, '1 p.m.', '13:00', { kind: 'time', hour: 13, minute: 0 })],
  };
  return { articles, entities: [umerov, medinsky, istanbul], facts: [drones, head, time], warnings: [] };
}
