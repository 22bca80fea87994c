// The benchmark archive must be what issue 7 describes: every seed name replaced consistently within an
// event, some names respelled in some sources, counts scaled, and the same files on every run.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { generateArticles, readSeeds, scaleNumbers } from '../../scripts/bench/generate';
import { buildLexicon } from '../../scripts/bench/lexicon';
import { createRng } from '../../scripts/bench/prng';

const seeds = readSeeds(path.join(__dirname, '../../seeds'));

describe('benchmark archive', () => {
  it('finds names, not sentence openers or headline words', () => {
    const lex = buildLexicon([
      'Talks Resume In Avalon\nMoreover, the talks in Avalon went on. Minister Bertrand Quill spoke.\nQuill said talks would go on.\n- Prisoner Swap: the swap is done.',
    ]);
    assert.deepEqual([...lex.words.keys()].sort(), ['Avalon', 'Bertrand', 'Quill']);
  });

  it('groups spellings of one name so they get one generated name', () => {
    const lex = buildLexicon(['He met Medinski there. Then he met Medinsky again. And Zelensky too.']);
    assert.equal(lex.words.get('Medinski')!.group, lex.words.get('Medinsky')!.group);
    assert.notEqual(lex.words.get('Zelensky')!.group, lex.words.get('Medinsky')!.group);
  });

  it('is deterministic and has the requested number of articles in events of four to six', () => {
    const a = [...generateArticles(seeds, 60, 1)];
    const b = [...generateArticles(seeds, 60, 1)];
    assert.equal(a.length, 60);
    assert.deepEqual(a, b);
    const perEvent = new Map<number, number>();
    for (const x of a) perEvent.set(x.event, (perEvent.get(x.event) ?? 0) + 1);
    const sizes = [...perEvent.values()].slice(0, -1);
    assert.ok(sizes.every((n) => n >= 4 && n <= 6), `event sizes ${sizes}`);
    assert.notDeepEqual([...generateArticles(seeds, 5, 2)].map((x) => x.text), a.slice(0, 5).map((x) => x.text));
  });

  it('replaces every seed name and keeps the sentence structure', () => {
    const lex = buildLexicon(seeds.map((s) => s.text));
    assert.ok(lex.words.size > 30);
    for (const doc of generateArticles(seeds, 10, 3)) {
      const words = new Set(doc.text.match(/[\p{L}\p{M}]+/gu));
      const left = [...lex.words.keys()].filter((w) => words.has(w));
      assert.deepEqual(left, [], `${doc.file} still names ${left.join(', ')}`);
      // Only names and numbers change: the lowercase words and the lines are the seed's.
      const seed = seeds.find((x) => doc.file.includes(x.file.replace(/^\d+_/, '').replace(/\.txt$/, '')))!;
      const lower = (t: string) => t.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu);
      assert.deepEqual(lower(doc.text), lower(seed.text));
      assert.equal(doc.text.split('\n').length, seed.text.split('\n').length);
    }
  });

  it('names an event consistently across its sources, with respellings in some of them', () => {
    const docs = [...generateArticles(seeds, 400, 4)];
    let respelled = 0;
    const byEvent = new Map<number, string[]>();
    for (const d of docs) byEvent.set(d.event, [...(byEvent.get(d.event) ?? []), d.text]);
    for (const texts of byEvent.values()) {
      // "Defense Minister X Y" names the same person in every source that has it: same first name.
      const ministers = texts.flatMap((t) => [...t.matchAll(/Defense Minister (\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)/gu)].map((m) => m.slice(1)));
      assert.equal(new Set(ministers.map((m) => m[0]).filter((x) => x)).size <= 2, true);
      if (new Set(ministers.map((m) => m.join(' '))).size > 1) respelled++;
    }
    assert.ok(respelled > 0, 'some events spell the minister differently in some sources');
  });

  it('scales counts but not years, clock times, days of the month or citation markers', () => {
    const text = 'On May 16, 2025 at 13:00 and 1 p.m., 1,000 prisoners and 472 drones [1] Source 2, a 30-day truce.';
    const out = scaleNumbers(text, 2, -1, createRng(1));
    assert.equal(out, 'On May 16, 2025 at 13:00 and 1 p.m., 2,000 prisoners and 944 drones [1] Source 2, a 60-day truce.');
  });
});
