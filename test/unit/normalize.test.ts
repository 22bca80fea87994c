import * as assert from 'node:assert/strict';
import { datesCompatible, findDates, findDurations, findTimes, formatRange, parseDigits, rangesOverlap, readNumber, utcMinutes } from '../../src/engine/claims/normalize';
import { findQuantities } from '../../src/engine/claims/quantities';

const q = (text: string) => findQuantities(text, { start: 0, end: text.length });
const times = (text: string) => findTimes(text, 0, text.length);
const dates = (text: string, published?: string) => findDates(text, 0, text.length, published);
const durations = (text: string) => findDurations(text, 0, text.length);

describe('normalising numbers', () => {
  it('reads digit groups, decimals and number words', () => {
    assert.equal(parseDigits('1,000'), 1000);
    assert.equal(parseDigits('50,000'), 50000);
    assert.equal(parseDigits('2.5'), 2.5);
    assert.deepEqual(readNumber(['1.5', 'million'], 0), { value: 1_500_000, next: 2 });
    assert.deepEqual(readNumber(['two', 'and', 'a', 'half'], 0), { value: 2.5, next: 4 });
    assert.deepEqual(readNumber(['twenty-five'], 0), { value: 25, next: 1 });
  });

  it('finds what a number counts with the head-noun rule', () => {
    const [m] = q('The navy fired 38 anti-ship cruise missiles, officials said.');
    assert.equal(m.value.value, 38);
    assert.equal(m.value.noun, 'missile');
    assert.equal(m.value.cls, 'missile');
    const [p] = q('Rescuers pulled 1,000 survivors from the rubble.');
    assert.equal(p.value.value, 1000);
    assert.equal(p.value.noun, 'survivor');
  });

  it('turns vague amounts into ranges', () => {
    const [over] = q('Police arrested over 40 protesters.');
    assert.equal(over.value.min, 40);
    assert.equal(over.value.max, undefined);
    const [dozens] = q('Dozens of homes were flooded.');
    assert.deepEqual([dozens.value.min, dozens.value.max, dozens.value.noun], [24, 99, 'home']);
    const [hundreds] = q('hundreds of remotely piloted boats');
    assert.deepEqual([hundreds.value.min, hundreds.value.max, hundreds.value.noun], [200, 999, 'boat']);
    const [some] = q('a number of trawlers sank');
    assert.equal(some.value.min, 2);
    assert.equal(some.value.noun, 'trawler');
    const [share] = q('a significant portion of the harvest');
    assert.equal(share.value.proportion, true);
    const [around] = q('around 50,000 fans gathered');
    assert.equal(around.value.approx, true);
    assert.equal(around.value.value, 50000);
    assert.ok(around.value.min! < 50000 && around.value.max! > 50000);
  });

  it('reads "a 12-member panel" as 12 members and "each" as a per-side number', () => {
    const [panel] = q('They named a 12-member panel.');
    assert.equal(panel.value.value, 12);
    assert.equal(panel.value.noun, 'member');
    const [each] = q('The teams agreed to release 300 hostages each.');
    assert.equal(each.value.per, 'each');
  });

  it('does not take citation markers, years or handles for numbers', () => {
    assert.deepEqual(q('The dam burst [1]. Related: Source 2 and Source 3 • [4]'), []);
    assert.deepEqual(q('Since 2019 the harbour has grown.'), []);
    assert.deepEqual(q('News Corp @2023'), []);
  });

  it('converts units to a base unit so 5 km and 5,000 metres compare', () => {
    const [km] = q('a convoy 5 km long');
    const [m] = q('a convoy 5,000 metres long');
    assert.equal(km.value.unit, 'm');
    assert.equal(km.value.value, 5000);
    assert.equal(m.value.value, 5000);
    const [pct] = q('turnout was 64% of voters');
    assert.equal(pct.value.unit, '%');
  });

  it('compares ranges: 117 is not in the hundreds, over 40 is in the dozens', () => {
    assert.equal(rangesOverlap({ min: 117, max: 117 }, { min: 200, max: 999 }), false);
    assert.equal(rangesOverlap({ min: 40 }, { min: 24, max: 99 }), true);
    assert.equal(formatRange({ min: 200, max: 999 }), '200–999');
    assert.equal(formatRange({ min: 40 }), '>40');
  });
});

describe('normalising times', () => {
  it('reads 1 PM, 1 p.m. and 13:00 as the same minute and keeps zone words', () => {
    const a = times('The vote opens at 1 PM local time.')[0].value;
    const b = times('The vote opens at 1 p.m. local time.')[0].value;
    const c = times('The vote opens at 13:00 local time.')[0].value;
    assert.equal(a.minutes, 780);
    assert.equal(b.minutes, 780);
    assert.equal(c.minutes, 780);
    assert.equal(a.zone, 'local');
  });

  it('fixes offsets for named zones so 10:00 GMT and 11:00 BST are one moment', () => {
    const g = times('at 10:00 GMT')[0].value;
    const b = times('at 11:00 BST')[0].value;
    assert.equal(utcMinutes(g), 600);
    assert.equal(utcMinutes(b), 600);
  });

  it('marks approximate times and handles noon and midnight', () => {
    assert.equal(times('starting around 9 a.m.')[0].value.approx, true);
    assert.equal(times('at noon')[0].value.minutes, 720);
    assert.equal(times('by midnight')[0].value.minutes, 0);
  });
});

describe('normalising dates', () => {
  it('resolves month-day dates backwards from the publication date, never into the future', () => {
    assert.equal(dates('The storm hit on March 3.', '2024-03-10')[0].value.iso, '2024-03-03');
    // an article from January about "December 20" means last December
    assert.equal(dates('Talks began on December 20.', '2025-01-05')[0].value.iso, '2024-12-20');
    assert.equal(dates('16 May 2025')[0].value.iso, '2025-05-16');
  });

  it('resolves weekdays to the most recent such day', () => {
    // 2025-06-04 is a Wednesday: "Monday" is 2025-06-02
    assert.equal(dates('The ferry sank on Monday.', '2025-06-04')[0].value.iso, '2025-06-02');
    assert.equal(dates('yesterday', '2025-06-04')[0].value.iso, '2025-06-03');
    const unresolved = dates('The ferry sank on Monday.')[0].value;
    assert.equal(unresolved.iso, undefined);
    assert.equal(unresolved.weekday, 'monday');
  });

  it('does not read the verb "may" as a month', () => {
    assert.deepEqual(dates('Officials may 15 times review it.'), []);
  });

  it('knows which dates can be the same day', () => {
    const mon = dates('on Monday')[0].value;
    const sun = dates('on Sunday')[0].value;
    assert.equal(datesCompatible(mon, mon), true);
    assert.equal(datesCompatible(mon, sun), false);
    const may = dates('in May 2025')[0].value;
    assert.equal(datesCompatible(may, dates('May 16, 2025')[0].value), true);
  });
});

describe('normalising durations', () => {
  it('reads compound and vague durations as second ranges', () => {
    const [truce] = durations('a 30-day truce');
    assert.equal(truce.value.min, 30 * 86400);
    assert.equal(truce.noun, 'truce');
    const [hour] = durations('the hearing ended after just over an hour');
    assert.equal(hour.value.min, 3600);
    assert.ok(hour.value.max! > 3600 && hour.value.max! <= 4500);
    const [weeks] = durations('after two and a half weeks of rain');
    assert.equal(weeks.value.min, 2.5 * 604800);
  });

  it('does not read "a second round" or "a day after" as durations', () => {
    assert.deepEqual(durations('a second round of voting'), []);
    assert.deepEqual(durations('just a day after the fire'), []);
  });
});
