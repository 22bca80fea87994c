// The incremental engine must give exactly what a full analysis of the same articles gives, after any
// sequence of edits, and must not redo the per-article work of articles that did not change.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeCorpus } from '../../src/engine/analyze';
import { byFile, createEngine } from '../../src/engine/incremental';
import { analysisToJson } from '../../src/engine/serialize';
import type { ArticleInput } from '../../src/engine/model';
import { generateArticles, readSeeds } from '../../scripts/bench/generate';
import { STORY_MIN_FOLDER } from '../../src/engine/facts/stories';
import { createRng } from '../../scripts/bench/prng';

const seeds = readSeeds(path.join(__dirname, '../../seeds'));

function full(files: Map<string, string>) {
  const inputs: ArticleInput[] = [...files].map(([file, text]) => ({ file, text })).sort((a, b) => byFile(a.file, b.file));
  return analysisToJson(analyzeCorpus(inputs));
}

/** Gives the engine and the reference folder the same edit; `undefined` removes the article. */
function applyEdit(engine: ReturnType<typeof createEngine>, files: Map<string, string>, file: string, text: string | undefined): void {
  if (text === undefined) {
    files.delete(file);
    engine.removeArticle(file);
  } else {
    files.set(file, text);
    engine.setArticle(file, text);
  }
}

describe('incremental engine', function () {
  // Each check runs a full analysis for comparison: correctness tests, given room on a busy machine.
  this.timeout(120000);

  it('equals a full analysis of the seeds', () => {
    const engine = createEngine();
    const files = new Map(seeds.map((s) => [s.file, s.text]));
    // Added out of order: the engine analyses in file order, as the CLI and the extension do.
    for (const [file, text] of [...files].reverse()) engine.setArticle(file, text);
    assert.deepEqual(analysisToJson(engine.analysis()), full(files));
  });

  it('equals a full analysis after every kind of edit', () => {
    const files = new Map([...generateArticles(seeds, 10, 11)].map((d) => [d.file, d.text]));
    const engine = createEngine();
    for (const [file, text] of files) engine.setArticle(file, text);
    engine.analysis();
    const names = [...files.keys()];
    const edits: [string, (t: string) => string | undefined][] = [
      ['change a figure', (t) => t.replace(/\d+/, (n) => String(Number(n) * 3 + 1))],
      ['respell a name', (t) => t.replace(/(?<=[a-z] )(\p{Lu}\p{Ll}{3,})/u, '$1h')],
      ['drop the second paragraph', (t) => t.split('\n\n').filter((_, i) => i !== 1).join('\n\n')],
      ['add a sentence naming someone new', (t) => `${t}\nForeign Minister Ottoline Varga said 212 observers came.\n`],
      ['remove the article', () => undefined],
      ['empty the article', () => ''],
    ];
    edits.forEach(([what, edit], k) => {
      const file = names[(k * 5) % names.length];
      applyEdit(engine, files, file, edit(files.get(file)!));
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after: ${what}`);
    });
    // A new file, then the removed one back.
    const [extra] = [...generateArticles(seeds, 1, 99)];
    files.set('zz-new.txt', extra.text);
    engine.setArticle('zz-new.txt', extra.text);
    assert.deepEqual(analysisToJson(engine.analysis()), full(files), 'after adding an article');
  });

  it('in a folder of many stories, equals a full analysis after edits and aligns again only the stories they touch', () => {
    const files = new Map([...generateArticles(seeds, STORY_MIN_FOLDER + 10, 5)].map((d) => [d.file, d.text]));
    const engine = createEngine();
    for (const [file, text] of files) engine.setArticle(file, text);
    assert.deepEqual(analysisToJson(engine.analysis()), full(files));
    const stories = engine.work.storyAlignments;
    assert.ok(stories > 3, `an archive of several events is several stories (${stories})`);
    const names = [...files.keys()];
    const edits: [string, string, (t: string) => string | undefined][] = [
      ['change a figure', names[3], (t) => t.replace(/\d+/, (n) => String(Number(n) * 3 + 1))],
      ['name a new place', names[17], (t) => `${t}\nThe talks in Quenborough ended late.\n`],
      ['respell a name', names[30], (t) => t.replace(/(?<=[a-z] )(\p{Lu}\p{Ll}{3,})/u, '$1h')],
      ['remove an article', names[41], () => undefined],
    ];
    for (const [what, file, edit] of edits) {
      const before = { ...engine.work };
      applyEdit(engine, files, file, edit(files.get(file)!));
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after: ${what}`);
      // The edited article's story (and, when the edit moved it, its old and new story) at most: never the folder.
      const aligned = engine.work.storyAlignments - before.storyAlignments;
      assert.ok(aligned <= 3, `${what}: ${aligned} of ${stories} stories aligned again`);
      const extracted = engine.work.claimExtractions - before.claimExtractions;
      assert.ok(extracted <= 10, `${what}: claims of ${extracted} articles extracted again`);
    }
  });

  it('equals a full analysis after typing anywhere: inside names, between listed names, in descriptions, across sentences', () => {
    // Edits that only move an article's names reuse the folder's entities (entities/shift.ts); edits that
    // touch a name, the text between two listed names, a description or a lowercase word must not.
    const files = new Map([...generateArticles(seeds, 12, 21)].map((d) => [d.file, d.text]));
    const engine = createEngine();
    for (const [file, text] of files) engine.setArticle(file, text);
    engine.analysis();
    const names = [...files.keys()];
    const rng = createRng(5);
    const pieces = ['7', ' ', 'x', 'e', ',', ' and ', '. ', 'Z', 'the ', "'s", '\n\n', 'troops', 'Ukrainian ', 'delegation'];
    const groupingsBefore = engine.work.entityGroupings;
    for (let k = 0; k < 40; k++) {
      const file = rng.pick(names);
      const text = files.get(file)!;
      const at = rng.int(0, text.length);
      // Insert, delete or replace a little text at a random place, sometimes at a name or a number.
      const near = [...text.matchAll(/\p{Lu}\p{Ll}+|\d+|,/gu)];
      const pos = near.length && k % 2 ? rng.pick(near).index! + rng.int(0, 2) : at;
      const cut = rng.int(0, 3);
      const edited = text.slice(0, pos) + (k % 3 === 2 ? '' : rng.pick(pieces)) + text.slice(Math.min(text.length, pos + cut));
      files.set(file, edited);
      engine.setArticle(file, edited);
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after edit ${k} of ${file} at ${pos}`);
    }
    // Some edits changed names and regrouped the folder.
    const regrouped = engine.work.entityGroupings - groupingsBefore;
    assert.ok(regrouped > 0, `folder regrouped on ${regrouped} of 40 edits`);
    // Figures and spaces typed between words mostly only move names: most of these reuse the folder's entities.
    const movedBefore = engine.work.entityGroupings;
    for (let k = 0; k < 20; k++) {
      const file = rng.pick(names);
      const text = files.get(file)!;
      // Between two words, as one types a figure or a space there.
      const pos = rng.pick([...text.matchAll(/ (?=\p{Ll})/gu)]).index!;
      const edited = text.slice(0, pos) + rng.pick([' 4', ' 19', ' ', ' 250']) + text.slice(pos);
      files.set(file, edited);
      engine.setArticle(file, edited);
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after figure/space edit ${k} of ${file} at ${pos}`);
    }
    const regroupedAfterFigures = engine.work.entityGroupings - movedBefore;
    assert.ok(regroupedAfterFigures < 10, `folder regrouped on ${regroupedAfterFigures} of 20 figure/space edits`);
  });

  it('groups the folder again when an edit changes what lies between listed names or what a description says', () => {
    const files = new Map([
      ['a.txt', 'Talks in Geneva\n\nThe Ukrainian delegation met officials from Varnok, Belgrade and Paris on Monday, the talks lasted 3 hours. They agreed on a prisoner exchange.\n'],
      ['b.txt', 'Geneva meeting\n\nThe war was discussed in Geneva, where 40 delegates with Belgrade met the Ukrainian delegation and the talks went on after a sudden halt over the prisoner lists.\n'],
      ['c.txt', 'Report\n\nIn Geneva the Ukrainian delegation and officials from Paris spoke about the war and the talks for 3 hours.\n'],
    ]);
    const engine = createEngine();
    for (const [file, text] of files) engine.setArticle(file, text);
    assert.deepEqual(analysisToJson(engine.analysis()), full(files));
    const edits: [string, (t: string) => string, boolean][] = [
      ['a figure', (t) => t.replace('3 hours', '14 hours'), false],
      ['a list broken up', (t) => t.replace('Belgrade and Paris', 'Belgrade with Paris'), true],
      ['a list joined again', (t) => t.replace('Belgrade with Paris', 'Belgrade and Paris'), true],
      ['the talks become the war', (t) => t.replace('the talks lasted', 'the war lasted'), true],
      ['an exchange no longer of prisoners', (t) => t.replace('a prisoner exchange', 'a sudden exchange'), true],
      ['a known word before the names', (t) => t.replace('met officials', 'met the officials'), false],
    ];
    for (const [what, edit, regroups] of edits) {
      const text = edit(files.get('a.txt')!);
      files.set('a.txt', text);
      const before = engine.work.entityGroupings;
      engine.setArticle('a.txt', text);
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after: ${what}`);
      assert.equal(engine.work.entityGroupings - before, regroups ? 1 : 0, `${what}: folder grouped again`);
    }
  });

  it('keeps the parsed article of every unchanged file and re-parses only the edited one', () => {
    const engine = createEngine();
    for (const s of seeds) engine.setArticle(s.file, s.text);
    const before = engine.analysis();
    engine.setArticle(seeds[1].file, seeds[1].text + '\nA new line closes the report.\n');
    const after = engine.analysis();
    assert.notEqual(after, before);
    assert.notEqual(after.articles[1], before.articles[1]);
    for (const i of [0, 2, 3, 4]) assert.equal(after.articles[i], before.articles[i], `article ${i} re-parsed`);
  });

  it('extracts the mentions of the edited article only', () => {
    const engine = createEngine();
    for (const s of seeds) engine.setArticle(s.file, s.text);
    engine.analysis();
    assert.deepEqual({ ...engine.work }, { parses: 5, mentionExtractions: 5, claimExtractions: 5, analyses: 1, storyAlignments: 1, entityGroupings: 1 });
    // A changed figure changes neither a name nor a place: only that article's claims are extracted again,
    // and the names of the folder are not grouped again.
    engine.setArticle(seeds[4].file, seeds[4].text.replace(/\b1,000\b/, '1,200'));
    engine.analysis();
    assert.deepEqual({ ...engine.work }, { parses: 6, mentionExtractions: 6, claimExtractions: 6, analyses: 2, storyAlignments: 2, entityGroupings: 1 });
    engine.removeArticle(seeds[2].file);
    engine.analysis();
    assert.equal(engine.work.parses, 6);
    assert.equal(engine.work.mentionExtractions, 6);
    assert.equal(engine.work.analyses, 3);
  });

  it('returns the same analysis object while nothing changes, and setting the same text changes nothing', () => {
    const engine = createEngine();
    for (const s of seeds) engine.setArticle(s.file, s.text);
    const a = engine.analysis();
    engine.setArticle(seeds[0].file, seeds[0].text);
    assert.equal(engine.analysis(), a);
    engine.removeArticle('not-there.txt');
    assert.equal(engine.analysis(), a);
  });

  it('applies publication dates and entity types from its options', () => {
    const engine = createEngine();
    for (const s of seeds) engine.setArticle(s.file, s.text);
    engine.analysis();
    const options = { published: { [seeds[0].file]: '2025-06-02' }, entityTypes: ['person' as const] };
    engine.setOptions(options);
    const inputs = seeds.map((s) => ({ file: s.file, text: s.text }));
    assert.deepEqual(analysisToJson(engine.analysis()), analysisToJson(analyzeCorpus(inputs, options)));
    assert.equal(engine.analysis().articles[0].published, '2025-06-02');
  });
});
