import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/engine/analyze';
import { storiesOf, STORY_MIN_FOLDER } from '../../src/engine/facts/stories';
import type { ArticleInput } from '../../src/engine/model';

// Twelve invented events, five reports each, told in the same words: only the names and figures differ.
const TOWNS = ['Varnholt', 'Keldrin', 'Ostavar', 'Pellmoor', 'Quillan', 'Rostrek', 'Sandervik', 'Tolmark', 'Uthwaite', 'Velloran', 'Wexmoor', 'Yarrowby'];
const MAYORS = ['Ilse Brandvold', 'Otto Kerrigan', 'Mara Lindqvist', 'Pavel Ostrander', 'Nadia Quorne', 'Felix Ramsdell', 'Greta Solberg', 'Hugo Tennant', 'Lena Ulvaeus', 'Jonas Verhoek', 'Karin Wallis', 'Emil Yardley'];

const CHIEFS = ['Tomas Berglund', 'Anja Halvorsen', 'Rolf Eklund', 'Sigrid Marlow', 'Dieter Nyquist', 'Petra Oakley', 'Janos Pelter', 'Ruth Quimby', 'Stellan Rudd', 'Tilde Sorensen', 'Ulrik Thorne', 'Vera Upshaw'];
const RIVERS = ['Ardel', 'Brisk', 'Culver', 'Dunmere', 'Eskar', 'Fennow', 'Garrow', 'Hollin', 'Irwell', 'Jessop', 'Kennet', 'Lydder'];

function folder(): ArticleInput[] {
  const out: ArticleInput[] = [];
  TOWNS.forEach((town, e) => {
    for (let s = 0; s < 5; s++) {
      const dead = 10 + e * 7 + (s === 4 ? 3 : 0);
      out.push({
        file: `e${String(e).padStart(2, '0')}_s${s}.txt`,
        text: `Flood Hits ${town}\n\nThe flood in ${town} killed ${dead} people on Tuesday, Mayor ${MAYORS[e]} said. ` +
          `Rescue teams from ${town} searched the river banks overnight.\n`,
      });
    }
  });
  return out;
}

describe('stories: aligning claims within the articles about one event', () => {
  it('leaves a folder of one cluster whole', () => {
    const small = folder().slice(0, 10);
    assert.ok(small.length < STORY_MIN_FOLDER);
    const a = analyzeCorpus(small);
    assert.equal(storiesOf(a.articles, a.entities), undefined);
  });

  it('never puts claims of two events in one fact, and still compares the reports of each event', () => {
    const a = analyzeCorpus(folder());
    const eventOf = (article: string) => article.slice(0, 3);
    const death = a.facts.filter((f) => f.kind === 'quantity' && f.claims.some((c) => /killed/.test(a.articles.find((x) => x.id === c.article)!.text.slice(c.sentence.start, c.sentence.end))));
    assert.ok(death.length >= TOWNS.length, `one death-toll fact per event, got ${death.length}`);
    for (const f of a.facts) {
      const events = new Set(f.claims.map((c) => eventOf(c.article)));
      assert.equal(events.size, 1, `${f.label} mixes events ${[...events].join(', ')}`);
    }
    // the fifth report of every event gives another toll: a conflict inside the event, found every time
    const conflicts = death.filter((f) => f.verdict === 'conflict');
    assert.equal(conflicts.length, TOWNS.length);
  });

  it('does not join two events because one report of each names the same two of its many people', () => {
    // every report names its town, mayor, fire chief and river; one report of each of two events also quotes
    // the same two outside experts, a coincidence an archive of thousands of articles is bound to have
    const inputs = folder().map((x, i) => {
      const e = Math.floor(i / 5);
      const experts = i % 5 === 0 && e < 2 ? ' Hydrologist Arvid Holmgren and engineer Sela Marchetti inspected the dikes.' : '';
      return { ...x, text: `${x.text}Fire Chief ${CHIEFS[e]} said the ${RIVERS[e]} River was still rising.${experts}\n` };
    });
    const a = analyzeCorpus(inputs);
    const stories = storiesOf(a.articles, a.entities)!;
    assert.notEqual(stories.get('e00_s0.txt'), undefined);
    assert.notEqual(stories.get('e00_s0.txt'), stories.get('e01_s0.txt'));
    // each event's reports stay one story
    for (let e = 0; e < 2; e++) assert.equal(new Set([0, 1, 2, 3, 4].map((s) => stories.get(`e0${e}_s${s}.txt`))).size, 1);
  });

  it('keeps articles that share no rare name together instead of alone', () => {
    const inputs = folder();
    for (let i = 0; i < 3; i++) inputs.push({ file: `z${i}.txt`, text: 'Storm Report\n\nThe storm killed 4 people on Monday, officials said.\n' });
    const a = analyzeCorpus(inputs);
    const stories = storiesOf(a.articles, a.entities)!;
    // (ids are file names: looking up 'z0' found no story for any of the three, and the test could not fail)
    const loose = ['z0.txt', 'z1.txt', 'z2.txt'].map((id) => stories.get(id));
    assert.ok(loose.every((k) => k !== undefined));
    assert.equal(new Set(loose).size, 1);
  });
});
