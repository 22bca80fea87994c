import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/engine/analyze';
import type { Fact } from '../../src/engine/model';
import { candidatePairs } from '../../src/engine/facts/similarity';

// Synthetic reports of invented events: nothing here comes from the seed articles.
const analyze = (texts: string[], published?: Record<string, string>) =>
  analyzeCorpus(texts.map((text, i) => ({ file: `a${i}.txt`, text })), published ? { published } : {});

const factWith = (facts: Fact[], claimText: string) => facts.filter((f) => f.claims.some((c) => c.text.includes(claimText)));
const onlyFact = (facts: Fact[], claimText: string) => {
  const fs = factWith(facts, claimText).filter((f) => f.kind !== 'statement');
  assert.equal(fs.length, 1, `expected one fact with "${claimText}", got ${fs.map((f) => f.label).join('; ')}`);
  return fs[0];
};

describe('aligning claims into facts', () => {
  it('reports an exact count against an incompatible vague one as a conflict', () => {
    const a = analyze([
      'Quake Rocks Coast\n\nThe Chilean navy said its rescue operation on the coast used 117 boats, according to officials.',
      'Aftershocks Continue\n\nChile\'s rescue operation on the coast involved hundreds of boats, local media reported.',
    ]);
    const f = onlyFact(a.facts, '117 boats');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.claims.length, 2);
    assert.match(f.reason, /117/);
    assert.match(f.reason, /200–999/);
  });

  it('calls "over 40" and "dozens" of the same thing a variant, not a conflict', () => {
    const a = analyze([
      'Fire Report\n\nFirefighters said the blaze in the port destroyed over 40 warehouses on Tuesday.',
      'Port Blaze\n\nThe blaze in the port reportedly destroyed dozens of warehouses, firefighters said.',
    ]);
    const f = onlyFact(a.facts, 'over 40 warehouses');
    assert.equal(f.verdict, 'variant');
    assert.ok(f.claims.some((c) => c.hedge === 'reportedly'));
  });

  it('never merges the numbers of two attacks in opposite directions', () => {
    const a = analyze([
      'Night of Strikes\n\nIran launched 180 missiles at Israel overnight in its largest barrage. Separately, Israel said its jets struck Iranian radar sites with 40 missiles.',
      'Retaliation\n\nIsrael fired 60 missiles at Iranian air defences in a retaliatory strike, the army said.',
    ]);
    const big = onlyFact(a.facts, '180 missiles');
    assert.ok(!big.claims.some((c) => c.text.includes('60 missiles')), 'Iran\'s barrage and Israel\'s strike are different facts');
  });

  it('treats 1 PM and 1 p.m. as one time written differently', () => {
    const a = analyze([
      'Summit Opens\n\nThe summit in Nairobi is scheduled to begin at 1 PM local time, organisers said.',
      'Leaders Gather\n\nThe Nairobi summit is scheduled to begin at 1 p.m. local time.',
    ]);
    const f = onlyFact(a.facts, '1 PM');
    assert.equal(f.verdict, 'variant');
    assert.equal(f.claims.length, 2);
  });

  it('does not call times in different zones a conflict', () => {
    const a = analyze([
      'Launch Set\n\nThe rocket launch is scheduled to begin at 14:00 GMT from the coastal site.',
      'Countdown\n\nThe rocket launch is scheduled to begin at 15:00 CET from the coastal site.',
    ]);
    const f = onlyFact(a.facts, '14:00 GMT');
    assert.notEqual(f.verdict, 'conflict');
  });

  it('does not call a per-side number and a total a conflict', () => {
    const a = analyze([
      'Swap Agreed\n\nThe two governments agreed in Oslo to swap 250 detainees each under the deal.',
      'Deal Reached\n\nThe two governments agreed in Oslo to swap 500 detainees under the deal.',
    ]);
    const f = onlyFact(a.facts, '250 detainees');
    assert.equal(f.verdict, 'variant');
    assert.match(f.reason, /per side/);
  });

  it('reports a different first name for the same person as a conflict, and a spelling as a variant', () => {
    const a = analyze([
      'Ministers Meet\n\nThe delegation was led by Foreign Minister Andrzej Kowalski. Kowalski spoke briefly.',
      'Talks in Warsaw\n\nForeign Minister Tomasz Kowalski led the delegation.',
      'Delegations Arrive\n\nThe talks were led by Foreign Minister Andrzej Kowalsky.',
    ]);
    const name = a.facts.find((f) => f.kind === 'name' && f.claims.some((c) => c.text.includes('Tomasz')));
    assert.ok(name, 'one name fact for Kowalski');
    assert.equal(name.verdict, 'conflict');
    assert.equal(name.claims.length, 3);
    assert.equal(name.label, 'first name of Kowalski');
    assert.match(name.reason, /Andrzej Kowalski vs Tomasz Kowalski|Tomasz Kowalski vs Andrzej/);
    // a name claim says which person it is about when the entities engine found the person
    for (const c of name.claims.filter((x) => x.entities)) assert.ok(a.entities.some((e) => e.id === c.entities![0] && e.type === 'person'));

    const b = analyze([
      'Ministers Meet\n\nThe delegation was led by Foreign Minister Andrzej Kowalski.',
      'Talks in Warsaw\n\nForeign Minister Andrzej Kowalsky led the delegation.',
    ]);
    const spelled = b.facts.find((f) => f.kind === 'name' && f.claims.length === 2);
    assert.ok(spelled);
    assert.equal(spelled.verdict, 'variant');
    assert.match(spelled.label, /^spelling of Kowalsk[iy]'s name$/);
    assert.equal(b.facts.filter((f) => f.verdict === 'conflict').length, 0);
  });

  it('counts a source that names a person by surname only in the name fact, never as a conflict', () => {
    const a = analyze([
      'Port Talks\n\nMayor Ilona Varga opened the port talks in Split on Tuesday.',
      'Port Talks Open\n\nThe talks in Split were opened by Ilona Varga, the mayor.',
      'Dockers Wait\n\nThe dockers said the talks would fail. Varga said on Tuesday that a deal was close.',
    ]);
    const name = a.facts.find((f) => f.kind === 'name' && f.claims.some((c) => c.text === 'Ilona Varga'));
    assert.ok(name, a.facts.map((f) => f.label).join('; '));
    assert.equal(new Set(name.claims.map((c) => c.article)).size, 3, name.claims.map((c) => c.text).join('; '));
    assert.ok(name.claims.some((c) => c.text === 'Varga'));
    assert.notEqual(name.verdict, 'conflict');
    // a different first name beside the bare surname is still a conflict
    const b = analyze([
      'Port Talks\n\nMayor Ilona Varga opened the port talks in Split on Tuesday.',
      'Port Talks Open\n\nThe talks in Split were opened by Mayor Irena Varga.',
      'Dockers Wait\n\nThe dockers said the talks would fail. Varga said on Tuesday that a deal was close.',
    ]);
    const first = b.facts.find((f) => f.kind === 'name' && f.claims.some((c) => c.text === 'Irena Varga'));
    assert.ok(first);
    assert.equal(first.verdict, 'conflict');
  });

  it('never takes a title for part of a first name: "Harbour Commissioner Ilona Varga" and "Ilona Varga" are one name', () => {
    const a = analyze([
      'Port Talks\n\nHarbour Commissioner Ilona Varga opened the port talks in Split on Tuesday.',
      'Port Talks Open\n\nThe talks in Split were opened by Ilona Varga, the harbour commissioner.',
    ]);
    const names = a.facts.filter((f) => f.kind === 'name' && f.claims.some((c) => /Ilona Varga$/.test(c.text)));
    assert.equal(names.length, 1, names.map((f) => f.label).join('; '));
    assert.equal(names[0].claims.length, 2);
    assert.notEqual(names[0].verdict, 'conflict');
  });

  it('gives a role fact per person and never calls different titles a conflict', () => {
    const a = analyze([
      'Talks\n\nThe team was headed by Interior Minister Sara Lindqvist.',
      'Talks\n\nThe team was headed by Deputy Prime Minister Sara Lindqvist.',
    ]);
    const role = a.facts.find((f) => f.kind === 'role');
    assert.ok(role);
    assert.equal(role.verdict, 'variant');
    assert.equal(role.claims.length, 2);
  });

  it('lines up the place of an event across spellings', () => {
    const a = analyze([
      'Accord Signed\n\nThe talks were held at the Château Frontenac in Quebec.',
      'Signing Day\n\nDelegates met at the Chateau Frontenac in Quebec for the talks.',
    ]);
    const venue = a.facts.find((f) => f.kind === 'place' && f.claims.some((c) => /Ch[âa]teau/.test(c.text)));
    assert.ok(venue);
    assert.equal(venue.claims.length, 2);
    assert.equal(venue.verdict, 'variant');
  });

  it('marks a claim only one source gives as single, and keeps one claim per article per fact', () => {
    const a = analyze([
      'Flood\n\nThe river rose after 3 days of rain, and 12 villages were cut off.',
      'Flood\n\nThe river burst its banks.',
    ]);
    const villages = onlyFact(a.facts, '12 villages');
    assert.equal(villages.verdict, 'single');
    for (const f of a.facts) assert.equal(new Set(f.claims.map((c) => c.article)).size, f.claims.length, f.label);
  });

  it('aligns statements that report the same thing in different words', () => {
    const a = analyze([
      'Election\n\nThe opposition coalition rejected the preliminary results in the capital. Turnout was low.',
      'Vote Count\n\nIn the capital, the opposition coalition has rejected the preliminary results as fraudulent.',
    ]);
    const st = a.facts.find((f) => f.kind === 'statement');
    assert.ok(st);
    assert.equal(st.claims.length, 2);
    assert.notEqual(st.verdict, 'conflict');
  });

  it('puts each statement claim in one fact, even when it matches two sources that match each other not at all', () => {
    // the first sentence matches the second report's flooding and the third report's outage: it is compared,
    // counted and shown once, with its strongest match, not once per match
    const a = analyze([
      'Storm Hits Coast\n\nThe storm flooded the harbour district of Larkport and cut power to the northern suburbs on Friday.',
      'Night of Rain\n\nSeawater flooded the harbour district of Larkport overnight, residents said.',
      'Outages\n\nPower was cut to the northern suburbs for six hours, the utility said.',
    ]);
    const statements = a.facts.filter((f) => f.kind === 'statement');
    const seen = new Set<string>();
    for (const f of statements) {
      for (const c of f.claims) {
        const key = `${c.article}:${c.start}:${c.end}`;
        assert.ok(!seen.has(key), `"${c.text}" sits in two facts: ${statements.map((s) => s.label).join('; ')}`);
        seen.add(key);
      }
    }
    assert.ok(factWith(statements, 'Seawater flooded').some((f) => f.claims.some((c) => c.text.startsWith('The storm flooded'))));
  });

  it('pairs two clauses that are each other\'s best match even when the runner-up is another clause of the same sentence', () => {
    // "while the meeting with both camps was useful" shares a word with the first article's clause too; as a
    // piece of the very sentence that matches best it is not a rival sentence, so the pair is not ambiguous
    const a = analyze([
      'Port Strike Talks\n\nDockworkers and the port authority met on Tuesday for a third day of negotiations. Both camps still hold entrenched positions on pay and pensions. The harbour has been closed since March, and ships are queuing offshore. The union says 3,000 members walked out.',
      'Harbour Dispute\n\nThe port authority and the dockworkers union resumed negotiations on Tuesday. Mediators said that while the meeting with both camps was useful, deep divisions over pay and pensions persist. Dozens of ships wait offshore while the harbour stays shut. Shipping firms warned of rising costs.',
    ]);
    const st = factWith(a.facts, 'entrenched positions').filter((f) => f.kind === 'statement');
    assert.equal(st.length, 1, a.facts.map((f) => f.label).join('; '));
    assert.ok(st[0].claims.some((c) => c.text.includes('deep divisions over pay and pensions persist')));
  });

  it('never pairs page furniture with reporting, nor with the same furniture on another page', () => {
    const a = analyze([
      'Dam Report\n\nThe ministry has not made its inspection report public and will present it at the hearing on Friday. Engineers found cracks in the spillway.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *',
      'Dam Inquiry\n\nThe ministry said its inspection report would be made public at the hearing on Friday. Cracks were found in the spillway.\n\nYour email address will not be published.',
    ]);
    assert.deepEqual(a.facts.filter((f) => f.claims.some((c) => /email|required fields/i.test(c.text))).map((f) => f.label), []);
    assert.ok(factWith(a.facts, 'inspection report').some((f) => f.kind === 'statement' && f.claims.length === 2));
  });

  it('labels facts with the counted noun and its event', () => {
    const a = analyze([
      'Strike\n\nThe rebels said their attack on the northern airfield used 30 drones.',
      'Strike\n\nThe rebel attack on the northern airfield involved dozens of drones.',
    ]);
    const f = onlyFact(a.facts, '30 drones');
    assert.match(f.label, /^number of drones in .*attack/);
  });

  it('gives every fact of a folder its own label, naming a date by the words that lead to it', () => {
    const a = analyze([
      'Envoys Gather\n\nThe Chilean envoy landed Friday, while the Peruvian team drove in early Saturday. Mendoza said Sunday that he was hopeful.',
      'Border Accord\n\nThe two governments signed a fisheries accord in Lima.',
    ]);
    const dates = a.facts.filter((f) => f.kind === 'date');
    assert.equal(dates.length, 3, a.facts.map((f) => f.label).join('; '));
    assert.ok(dates.some((f) => f.label === 'date of “Mendoza said Sunday”'), dates.map((f) => f.label).join('; '));
    const labels = a.facts.map((f) => f.label);
    assert.equal(new Set(labels).size, labels.length, labels.join('; '));
  });
});

describe('verdicts over many sources', () => {
  it('still finds the one source that disagrees among many that agree, and names both values', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Report ${i}\n\nThe harbour fire on the north quay destroyed 80 fishing boats, the port authority said.`);
    texts.push('Late Report\n\nThe harbour fire on the north quay destroyed 8 fishing boats, the port authority said.');
    const a = analyze(texts);
    const f = onlyFact(a.facts, '80 fishing boats');
    assert.equal(f.claims.length, 41);
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reason, /80 fishing boats/);
    assert.match(f.reason, /8 fishing boats/);
    assert.ok(f.reason.length < 200, 'the reason stays short with many sources');
  });
});

describe('statement labels', () => {
  it('label a statement fact with its plainest wording, not a list of words', () => {
    const a = analyze([
      'Budget Row\n\nMeanwhile, the finance committee rejected the draft budget on Thursday after a long debate.',
      'Committee Vote\n\nThe finance committee rejected the draft budget, its chair said.',
    ]);
    const st = a.facts.find((f) => f.kind === 'statement' && f.claims.length === 2);
    assert.ok(st);
    assert.equal(st.label, 'the finance committee rejected the draft budget');
  });
});

describe('candidate pairs for alignment', () => {
  it('finds a pair when one item\'s most informative words appear anywhere in the other, in a large block', () => {
    type Item = { article: string; keys: [string, number][] };
    const items: Item[] = [];
    // filler items from many articles so the block is indexed rather than compared in full
    for (let i = 0; i < 300; i++) items.push({ article: `f${i}`, keys: [[`w${i}`, 1], [`v${i}`, 1]] });
    const long: [string, number][] = Array.from({ length: 20 }, (_, k) => [`rare${k}`, 5] as [string, number]);
    items.push({ article: 'a', keys: [...long, ['airbase', 3], ['target', 3]] });
    items.push({ article: 'b', keys: [['airbase', 3], ['target', 3], ['execute', 4]] });
    const pairs = candidatePairs(items, (x) => x.article, (x) => x.keys, 10, 150);
    assert.ok(pairs.some(([i, j]) => i === 300 && j === 301), 'the long item and the short one meet');
    assert.ok(pairs.length < 50, 'unrelated items are not paired');
  });
});
