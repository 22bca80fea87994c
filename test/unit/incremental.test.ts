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

/** An engine holding every article of `files`, added in the map's order. */
function engineWith(files: Map<string, string>): ReturnType<typeof createEngine> {
  const engine = createEngine();
  for (const [file, text] of files) engine.setArticle(file, text);
  return engine;
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
    const engine = engineWith(files);
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
    const engine = engineWith(files);
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
    // Each edit regroups only the names it reaches (entities/folder.ts), whether it only moves an article's
    // names or touches a name, the text between two listed names, a description or a lowercase word.
    const files = new Map([...generateArticles(seeds, 12, 21)].map((d) => [d.file, d.text]));
    const engine = engineWith(files);
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
    // Edits that change names regroup only the part of the folder they reach, never the whole folder.
    assert.equal(engine.work.entityGroupings - groupingsBefore, 0, 'the whole folder was grouped again');
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
    assert.equal(engine.work.entityGroupings - movedBefore, 0, 'the whole folder was grouped again after a figure or space');
  });

  it('equals a full analysis when an edit changes what lies between listed names or what a description says', () => {
    const files = new Map([
      ['a.txt', 'Talks in Geneva\n\nThe Ukrainian delegation met officials from Varnok, Belgrade and Paris on Monday, the talks lasted 3 hours. They agreed on a prisoner exchange.\n'],
      ['b.txt', 'Geneva meeting\n\nThe war was discussed in Geneva, where 40 delegates with Belgrade met the Ukrainian delegation and the talks went on after a sudden halt over the prisoner lists.\n'],
      ['c.txt', 'Report\n\nIn Geneva the Ukrainian delegation and officials from Paris spoke about the war and the talks for 3 hours.\n'],
    ]);
    const engine = engineWith(files);
    assert.deepEqual(analysisToJson(engine.analysis()), full(files));
    // Each edit of a.txt regroups its own forms; the descriptions of b.txt and c.txt ("the Ukrainian
    // delegation") must keep their country although the country's group was rebuilt around a.txt.
    const edits: [string, (t: string) => string][] = [
      ['a figure', (t) => t.replace('3 hours', '14 hours')],
      ['a list broken up', (t) => t.replace('Belgrade and Paris', 'Belgrade with Paris')],
      ['a list joined again', (t) => t.replace('Belgrade with Paris', 'Belgrade and Paris')],
      ['the talks become the war', (t) => t.replace('the talks lasted', 'the war lasted')],
      ['an exchange no longer of prisoners', (t) => t.replace('a prisoner exchange', 'a sudden exchange')],
      ['a known word before the names', (t) => t.replace('met officials', 'met the officials')],
      ['the country gone from the article', (t) => t.replace('The Ukrainian delegation', 'The delegation')],
      ['and back', (t) => t.replace('The delegation', 'The Ukrainian delegation')],
    ];
    for (const [what, edit] of edits) {
      const text = edit(files.get('a.txt')!);
      files.set('a.txt', text);
      engine.setArticle('a.txt', text);
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after: ${what}`);
    }
  });

  describe('grouping names into entities edit by edit', () => {
    // A folder of generated events plus three reports naming people of their own, so each edit below has
    // a known effect on the entities; after each, the engine must equal a full analysis, the effect must
    // be there, and only part of the folder's spellings may have been grouped again.
    const own = new Map([
      ['p1.txt', 'Envoys meet\n\nForeign Minister Ottoline Varga met the envoy Bertrand Koslow in Tarvik on Monday. Varga said 40 observers came. Koslow agreed.\n'],
      ['p2.txt', 'Second round\n\nOttoline Varga and Bertrand Koslow spoke again in Tarvik on Friday. Koslow said the talks went well, and 12 observers stayed.\n'],
      ['p3.txt', 'Aftermath\n\nAnalyst Quentin Aldous said the envoy Bertrand Koslow had not slept. Aldous expects 3 more rounds.\n'],
      ['p4.txt', 'Notes\n\nOfficials said Holmquist expects 5 more rounds of talks.\n'],
    ]);
    let engine: ReturnType<typeof createEngine>;
    let files: Map<string, string>;
    beforeEach(() => {
      files = new Map([...[...generateArticles(seeds, 8, 31)].map((d) => [d.file, d.text] as [string, string]), ...own]);
      engine = createEngine();
      for (const [file, text] of files) engine.setArticle(file, text);
      engine.analysis();
    });
    const entity = (name: string) => engine.analysis().entities.find((e) => e.name === name);
    const withVariant = (name: string) => engine.analysis().entities.find((e) => e.variants.includes(name));
    /** Applies an edit, checks it against a full analysis and that it regrouped only part of the folder. */
    const edit = (file: string, text: string | undefined, what: string) => {
      const before = { ...engine.work };
      const forms = new Set(engine.analysis().entities.flatMap((e) => e.variants)).size;
      applyEdit(engine, files, file, text);
      assert.deepEqual(analysisToJson(engine.analysis()), full(files), `after: ${what}`);
      assert.equal(engine.work.entityGroupings, before.entityGroupings, `${what}: the whole folder was grouped again`);
      const regrouped = engine.work.formsRegrouped - before.formsRegrouped;
      assert.ok(regrouped < forms / 2, `${what}: ${regrouped} spellings grouped again of about ${forms}`);
    };

    it('a name respelled joins the person it now spells, and leaves it when respelled away', () => {
      assert.deepEqual(entity('Ottoline Varga')?.articles, ['p1.txt', 'p2.txt']);
      edit('p2.txt', files.get('p2.txt')!.replace('Ottoline Varga', 'Ottoline Vargha'), 'respelled close');
      assert.deepEqual(entity('Ottoline Varga')?.variants.sort(), ['Ottoline Varga', 'Ottoline Vargha', 'Varga']);
      assert.deepEqual(entity('Ottoline Varga')?.articles, ['p1.txt', 'p2.txt']);
      edit('p2.txt', files.get('p2.txt')!.replace('Ottoline Vargha', 'Ottoline Quistberg'), 'respelled away');
      assert.deepEqual(entity('Ottoline Varga')?.articles, ['p1.txt']);
      assert.deepEqual(entity('Ottoline Quistberg')?.articles, ['p2.txt']);
    });

    it('a new person named in an edit becomes an entity, with the bare surname that follows', () => {
      assert.equal(entity('Ilse Brandt'), undefined);
      edit('p3.txt', `${files.get('p3.txt')!}\nMinister Ilse Brandt said 212 observers came. Brandt left early.\n`, 'a new person');
      const brandt = entity('Ilse Brandt');
      assert.ok(brandt, 'Ilse Brandt is an entity');
      assert.deepEqual(brandt.mentions.map((m) => m.text), ['Ilse Brandt', 'Brandt']);
    });

    it('an entity named in one article only disappears with the article, and comes back with it', () => {
      assert.ok(entity('Quentin Aldous'));
      const text = files.get('p3.txt')!;
      edit('p3.txt', undefined, 'the article removed');
      assert.equal(entity('Quentin Aldous'), undefined);
      assert.deepEqual(entity('Bertrand Koslow')?.articles, ['p1.txt', 'p2.txt']);
      edit('p3.txt', text, 'the article back');
      assert.deepEqual(entity('Quentin Aldous')?.articles, ['p3.txt']);
    });

    it('a bare surname leaves the person it had joined when an edit names another person of that surname beside it', () => {
      // "Koslow" alone in p2 is Bertrand Koslow's, until p2 names Marta Koslow just before it.
      const bertrand = () => entity('Bertrand Koslow')!.mentions.filter((m) => m.article === 'p2.txt').map((m) => m.text);
      assert.deepEqual(bertrand(), ['Bertrand Koslow', 'Koslow']);
      edit('p2.txt', files.get('p2.txt')!.replace('spoke again in Tarvik on Friday.', 'spoke again in Tarvik on Friday with the aide Marta Koslow.'), 'another Koslow');
      assert.deepEqual(bertrand(), ['Bertrand Koslow']);
      assert.deepEqual(entity('Marta Koslow')?.mentions.map((m) => m.text), ['Marta Koslow', 'Koslow']);
      edit('p2.txt', files.get('p2.txt')!.replace(' with the aide Marta Koslow', ''), 'the other Koslow gone');
      assert.deepEqual(bertrand(), ['Bertrand Koslow', 'Koslow']);
    });

    it('a bare surname in an article not edited joins the person an edit names elsewhere, and leaves with it', () => {
      assert.equal(withVariant('Holmquist'), undefined);
      const p1 = files.get('p1.txt')!;
      edit('p1.txt', `${p1}Adviser Greta Holmquist attended.\n`, 'the person named');
      assert.deepEqual(entity('Greta Holmquist')?.articles, ['p1.txt', 'p4.txt']);
      edit('p1.txt', p1, 'the person gone');
      assert.equal(entity('Greta Holmquist'), undefined);
    });

    it('a spelling added in another article merges into the entity, and splits off when respelled', () => {
      // "Tarvik" (p1, p2) and "Tarvikk" are one place, one letter apart; "Dornholm" is another.
      const p3 = files.get('p3.txt')!;
      edit('p3.txt', `${p3}Officials in Tarvikk agreed.\n`, 'a spelling of the same place');
      assert.deepEqual(withVariant('Tarvik')?.variants.sort(), ['Tarvik', 'Tarvikk']);
      assert.deepEqual(withVariant('Tarvik')?.articles, ['p1.txt', 'p2.txt', 'p3.txt']);
      edit('p3.txt', `${p3}Officials in Dornholm agreed.\n`, 'another place');
      assert.deepEqual(withVariant('Tarvik')?.variants, ['Tarvik']);
      assert.deepEqual(withVariant('Tarvik')?.articles, ['p1.txt', 'p2.txt']);
      assert.deepEqual(entity('Dornholm')?.articles, ['p3.txt']);
    });
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
    const counts = (w: typeof engine.work) => ({ parses: w.parses, mentionExtractions: w.mentionExtractions, claimExtractions: w.claimExtractions, analyses: w.analyses, storyAlignments: w.storyAlignments, entityGroupings: w.entityGroupings });
    assert.deepEqual(counts(engine.work), { parses: 5, mentionExtractions: 5, claimExtractions: 5, analyses: 1, storyAlignments: 1, entityGroupings: 1 });
    // A changed figure changes neither a name nor a place: only that article's claims are extracted again,
    // and the names of the folder are not grouped again.
    engine.setArticle(seeds[4].file, seeds[4].text.replace(/\b1,000\b/, '1,200'));
    engine.analysis();
    assert.deepEqual(counts(engine.work), { parses: 6, mentionExtractions: 6, claimExtractions: 6, analyses: 2, storyAlignments: 2, entityGroupings: 1 });
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
