import * as assert from 'node:assert/strict';
import { extractClaims } from '../../src/engine/claims';
import { attributionOf, hedgeOf } from '../../src/engine/claims/attribution';
import { findTitledPeople, splitName } from '../../src/engine/claims/people';
import { findEventPlaces } from '../../src/engine/claims/places';
import { clausesOf } from '../../src/engine/claims/statements';
import { parseArticle } from '../../src/engine/text/article';

const whole = (t: string) => ({ start: 0, end: t.length });

describe('extracting claims from one article', () => {
  it('finds numbers, times, dates and durations with their spans and values', () => {
    const text = 'Flood Hits Valley\n\nOn Tuesday at 3 p.m. the dam failed, flooding 2,400 homes during a 48-hour evacuation [2].';
    const art = { ...parseArticle({ file: 'x.txt', text }), published: '2024-04-18' };
    const claims = extractClaims(art).map((x) => x.claim);
    const byKind = (k: string) => claims.filter((c) => c.kind === k);
    assert.equal(byKind('time')[0].value, '15:00');
    assert.equal(byKind('date')[0].normalized.iso, '2024-04-16');
    assert.equal(byKind('quantity')[0].text, '2,400 homes');
    assert.equal(byKind('quantity')[0].normalized.value, 2400);
    assert.equal(byKind('duration')[0].normalized.min, 48 * 3600);
    assert.ok(!byKind('quantity').some((c) => c.text.includes('2]')), 'the citation marker is not a number');
    for (const c of claims) assert.equal(text.slice(c.start, c.end), c.text);
  });

  it('reads words that name properties of every JavaScript object ("constructor") as plain words', () => {
    // the word tables were object literals: "constructor" found Object's constructor as its synonym and the
    // stemmer threw, so one such word in one article failed the whole folder
    const text = 'Bridge Opens\n\nThe constructor said its crews finished the bridge. Constructor firms hired 40 welders.';
    const claims = extractClaims(parseArticle({ file: 'x.txt', text })).map((x) => x.claim);
    assert.deepEqual(claims.filter((c) => c.kind === 'quantity').map((c) => c.text), ['40 welders']);
    assert.ok(claims.some((c) => c.kind === 'statement' && c.text.includes('constructor')));
  });

  it('never takes markup pasted into the text as the source', () => {
    // an attribute name or value is not a speaker, however it sits next to "according to" or "said"
    const s1 = 'The lake rose to 4 metres, according to "onload=steal(1) y=" wardens.';
    assert.notEqual(attributionOf(s1, whole(s1)).attribution, 'onload');
    const s2 = 'The ferry carried 80 passengers, <img src=x onmouseover=go()> Harbour Master said.';
    assert.ok(!/onmouseover|src|img/.test(attributionOf(s2, whole(s2)).attribution ?? ''), attributionOf(s2, whole(s2)).attribution);
    const s3 = 'Coastguard Captain Ilse Brandt said 80 passengers were rescued.';
    assert.equal(attributionOf(s3, whole(s3)).attribution, 'Coastguard Captain Ilse Brandt');
  });

  it('reads who says it and how firmly', () => {
    const s1 = 'Around 300 people were evacuated, according to the Red Cross.';
    assert.equal(attributionOf(s1, whole(s1)).attribution, 'Red Cross');
    const s2 = 'Local officials say 12 bridges were damaged.';
    assert.equal(attributionOf(s2, whole(s2)).attribution, 'Local officials');
    const s3 = 'The mayor, speaking from the town hall, said the curfew would end.';
    assert.equal(attributionOf(s3, whole(s3)).attribution, 'mayor');
    const s4 = 'Rebels allegedly seized 40 trucks.';
    assert.equal(hedgeOf(s4, whole(s4), s4.indexOf('40')), 'allegedly');
    const s5 = 'The army claims to have downed 20 drones.';
    assert.equal(hedgeOf(s5, whole(s5), s5.indexOf('20')), 'claims');
  });

  it('finds people with their role before the name or in an appositive', () => {
    const s = 'Health Minister Ana Ruiz met Carlos Vega, a former adviser to the president, in Lima.';
    const people = findTitledPeople(s, whole(s));
    const ruiz = people.find((p) => p.surname === 'Ruiz');
    assert.ok(ruiz);
    assert.equal(ruiz.given, 'Ana');
    assert.equal(ruiz.role?.text, 'Health Minister');
    const vega = people.find((p) => p.surname === 'Vega');
    assert.ok(vega);
    assert.equal(vega.role?.text, 'former adviser to the president');
    assert.deepEqual(splitName('Ursula von der Leyen'), { given: 'Ursula', surname: 'von der Leyen' });
  });

  it('finds the place of an event only near an event word', () => {
    const s = 'The summit opened at the Grand Palace in Bangkok on Friday.';
    assert.deepEqual(findEventPlaces(s, whole(s)).map((p) => p.name), ['Grand Palace', 'Bangkok']);
    const t = 'She grew up in Bangkok and studied law.';
    assert.deepEqual(findEventPlaces(t, whole(t)), []);
  });

  it('drops a reporting frame ("Experts caution that") and ends a "while" clause at its comma', () => {
    const s = 'Experts caution that while the talks are a positive step, deep divisions persist.';
    assert.deepEqual(clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end)), ['while the talks are a positive step', 'deep divisions persist.']);
    // the attribution is still read from the whole sentence
    assert.equal(attributionOf(s, whole(s)).attribution, 'Experts');
  });

  it('splits long sentences into clauses but not inside quotes', () => {
    const s = 'The army shelled the port, killing 12 people, while rebels said “we will hold the harbour, whatever happens.”';
    const parts = clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end));
    assert.equal(parts.length, 2);
    assert.ok(parts[1].startsWith('while rebels said'));
  });

  it('splits a second predicate of the same subject (", and urged ...") into its own statement', () => {
    const s = 'The two unions restated their wage demands in a letter, signed by both chairs, and urged members to keep working.';
    const parts = clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end));
    assert.ok(parts.some((p) => p.startsWith('and urged members to keep working')), parts.join(' | '));
    assert.ok(parts.some((p) => p.startsWith('The two unions restated their wage demands')), parts.join(' | '));
    // a list of nouns is not a second predicate
    const t = 'The storm closed the schools, the ferries, and the airport, officials said.';
    assert.ok(!clausesOf(t, whole(t)).some((c) => t.slice(c.start, c.end).startsWith('and the airport')));
  });

  it('makes each item of a list of three or more ("the plan includes A, B and C") a claim of its own', () => {
    const s = 'The union says the offer includes a 6 percent raise, a shorter working week, the rehiring of sacked drivers and a new pension scheme for cleaners.';
    const parts = clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end));
    assert.ok(parts.some((p) => p.startsWith('the rehiring of sacked drivers') && !p.includes('pension')), parts.join(' | '));
    assert.ok(parts.some((p) => p.startsWith('and a new pension scheme for cleaners')), parts.join(' | '));
    // examples after ", such as" are claims of their own too
    const u = 'The council wants wider powers, such as control of the port budget and the right to set fares.';
    assert.ok(clausesOf(u, whole(u)).some((c) => u.slice(c.start, c.end).startsWith('such as control of the port budget')));
    // outside a list, "and a" joins what one clause says
    const t = 'The mayor opened a bridge and a school on Friday.';
    assert.equal(clausesOf(t, whole(t)).length, 1);
  });

  it('reads a clause too thin to compare with its neighbour instead of dropping it', () => {
    // "with a curfew as a condition" has two content words: on its own it would never be a statement
    const s = 'According to officials, reopening the river road would depend on the water level, with a curfew as a condition.';
    const parts = clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end));
    assert.ok(parts.some((p) => p.includes('with a curfew as a condition') && p.includes('river road')), parts.join(' | '));
    const art = parseArticle({ file: 'x.txt', text: `Road Closed\n\n${s}` });
    const statements = extractClaims(art).map((x) => x.claim).filter((c) => c.kind === 'statement');
    assert.ok(statements.some((c) => c.text.includes('curfew')), 'the curfew is part of a statement');
  });

  it('takes no claims from page furniture (comment forms, newsletter boxes, cookie notices)', () => {
    const text = 'Dam Report\n\nThe ministry has not made its inspection report public and will present it at the hearing on Friday.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nSign up for our newsletter to get 5 top stories every morning.\n\nThis site uses cookies to improve your experience.';
    const claims = extractClaims(parseArticle({ file: 'x.txt', text })).map((x) => x.claim);
    const report = text.indexOf('\n\nLeave');
    assert.ok(claims.some((c) => c.kind === 'statement' && c.text.includes('inspection report')), 'the report itself is read');
    assert.deepEqual(claims.filter((c) => c.start > report).map((c) => c.text), []);
    // a report that merely uses one of the words stays a claim
    const quote = 'Officials said the comment period on the permit ends in 30 days.';
    assert.ok(extractClaims(parseArticle({ file: 'y.txt', text: `Permit\n\n${quote}` })).some((x) => x.claim.kind === 'duration'));
  });

  it('ends an "As ..." clause at its comma', () => {
    const s = 'As engineers inspected the cracked spillway on Friday, water levels downstream continued to fall.';
    assert.deepEqual(clausesOf(s, whole(s)).map((c) => s.slice(c.start, c.end)), ['As engineers inspected the cracked spillway on Friday', 'water levels downstream continued to fall.']);
    // "As a result" is too thin to stand alone and stays with its clause
    const t = 'As a result, three villages lost power for the night.';
    assert.equal(clausesOf(t, whole(t)).length, 1);
  });
});
