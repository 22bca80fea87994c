import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import type { Analysis, Claim, Entity, Fact, Mention } from '../../../src/engine/model';
import { parseArticle } from '../../../src/engine/text/article';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { LINKABLE_COMMANDS } from '../../../src/shared/commands';
import { entityHoverMarkdown, factHoverMarkdown, HOVER_LIMITS } from '../../../src/shared/hoverMarkdown';
import { fixtureAnalysis, TEXTS } from './fixture';

function links(md: string): string[] {
  const html = marked.parse(md, { async: false, gfm: true }) as string;
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

function decodeCommand(href: string): { id: string; args: unknown[] } {
  const m = /^command:([\w.]+)\?(.*)$/.exec(href);
  assert.ok(m, href);
  return { id: m[1], args: JSON.parse(decodeURIComponent(m[2])) };
}

describe('hover markdown', () => {
  const index = new AnalysisIndex(fixtureAnalysis());

  it('lists every spelling of a name with the sources that use it, linked to the span', () => {
    const md = entityHoverMarkdown(index, index.entities.get('person:umerov')!, 'a.txt');
    assert.match(md, /Rustem Umerov/);
    assert.match(md, /\| Rustem Umgerov \| \[b\\\.txt\]/);
    assert.match(md, /\| Rustem Umjurov \| \*\*\[a\\\.txt\]/);
    assert.match(md, /person, mentioned by 3 of 3 sources/);
    const targets = links(md).map(decodeCommand);
    assert.equal(targets.length, 3);
    const b = targets.find((t) => (t.args[0] as { article: string }).article === 'b.txt');
    const start = TEXTS['b.txt'].indexOf('Rustem Umgerov');
    assert.deepEqual(b, { id: 'crosscheck.openSpan', args: [{ article: 'b.txt', start, end: start + 'Rustem Umgerov'.length }] });
  });

  it('lists the facts about an entity with a compare link', () => {
    const md = entityHoverMarkdown(index, index.entities.get('person:medinsky')!);
    assert.match(md, /Variant: head of the Russian delegation/);
    assert.ok(links(md).some((l) => decodeCommand(l).id === 'crosscheck.compareClaim'));
  });

  it('shows the fact in every source: quoted words, value, attribution, verdict and reason', () => {
    const fact = index.facts.get('fact:drones')!;
    const md = factHoverMarkdown(index, fact, fact.claims[0]);
    assert.ok(md.includes('Conflict: 117 vs hundreds \\(200–999\\)\\: incompatible'), md);
    assert.match(md, /“hundreds of drones” \| hundreds \| Officials \\\(said\\\) \|/);
    assert.match(md, /“117 drones” \| 117 \| Ukraine \|/);
    assert.match(md, /1 source does not mention it/);
    const ids = links(md).map((l) => decodeCommand(l).id);
    assert.deepEqual(ids, ['crosscheck.openSpan', 'crosscheck.openSpan', 'crosscheck.compareClaim']);
  });

  it('only ever links Crosscheck commands, whatever the article says', () => {
    const analysis: Analysis = fixtureAnalysis();
    const evil = '[run](command:workbench.action.terminal.new) <script>x</script> [j](javascript:alert(1))';
    analysis.entities[0].name = evil;
    analysis.entities[0].spellings[0].text = evil;
    analysis.facts[0].label = evil;
    analysis.facts[0].reason = evil;
    // The value and attribution columns cut text at 40 and 60 characters: short attacks, so the cut cannot defuse them.
    const short = '<script>x</script>[r](command:w)';
    analysis.facts[0].claims[0].text = evil;
    analysis.facts[0].claims[0].value = short;
    analysis.facts[0].claims[0].attribution = `${short} [j](javascript:x)`;
    analysis.articles[0].file = '[x](command:evil).txt';
    const idx = new AnalysisIndex(analysis);
    for (const md of [entityHoverMarkdown(idx, idx.analysis.entities[0]), factHoverMarkdown(idx, idx.analysis.facts[0])]) {
      const html = marked.parse(md, { async: false, gfm: true }) as string;
      assert.doesNotMatch(html, /<script|<a href="(?!command:crosscheck\.)/);
      for (const l of links(md)) assert.ok(LINKABLE_COMMANDS.includes(decodeCommand(l).id as never), l);
    }
  });
});

describe('hover markdown in a large folder', () => {
  // One name in 300 articles under two spellings, and one fact reported by 30 of them.
  const N = 300;
  const texts = Array.from({ length: N }, (_, i) => `Report ${i}\nMinister Ann ${i % 3 === 0 ? 'Holte' : 'Holt'} said ${100 + i} people left.\n`);
  function largeAnalysis(): Analysis {
    const articles = texts.map((text, i) => parseArticle({ file: `r${String(i).padStart(3, '0')}.txt`, text }));
    const mentions: Mention[] = texts.map((text, i) => {
      const word = i % 3 === 0 ? 'Ann Holte' : 'Ann Holt';
      const start = text.indexOf(word);
      return { article: articles[i].id, start, end: start + word.length, text: word };
    });
    const holt: Entity = {
      id: 'person:holt', name: 'Ann Holt', type: 'person', variants: ['Ann Holt', 'Ann Holte'],
      spellings: [
        { text: 'Ann Holt', articles: articles.filter((_, i) => i % 3 !== 0).map((a) => a.id) },
        { text: 'Ann Holte', articles: articles.filter((_, i) => i % 3 === 0).map((a) => a.id) },
      ],
      mentions, articles: articles.map((a) => a.id),
    };
    const claims: Claim[] = texts.slice(0, 30).map((text, i) => {
      const value = String(100 + i);
      const start = text.indexOf(value);
      return { id: `c${i}`, article: articles[i].id, start, end: start + value.length, text: `${value} people`, kind: 'quantity', value, normalized: { kind: 'quantity', value: 100 + i }, sentence: { start: 0, end: text.length } };
    });
    const fact: Fact = { id: 'fact:left', label: 'people who left', kind: 'quantity', verdict: 'conflict', reason: 'different numbers', claims };
    return { articles, entities: [holt], facts: [fact], warnings: [] };
  }
  const idx = new AnalysisIndex(largeAnalysis());
  const articleIds = idx.analysis.articles.map((a) => a.id);

  it('lists a few sources per spelling and says how many more, with the current article always shown', () => {
    const current = articleIds[298]; // uses "Ann Holt", late in folder order
    const md = entityHoverMarkdown(idx, idx.entities.get('person:holt')!, current);
    const rows = md.split('\n').filter((l) => /^\| Ann Holte? \|/.test(l));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^\| Ann Holt \| \*\*\[r298\\\.txt\]/, 'the spelling of this article, this article first and in bold');
    for (const row of rows) assert.ok((row.match(/\]\(command:/g) ?? []).length <= HOVER_LIMITS.sourcesPerSpelling, row);
    assert.match(rows[0], /…and 194 more sources/);
    assert.match(rows[1], /…and 94 more sources/);
    assert.match(md, /mentioned by 300 of 300 sources/);
    assert.ok(md.length < 3000, `the hover is ${md.length} characters long`);
  });

  it('shows a fact of many sources up to the limit, with the claim under the cursor', () => {
    const fact = idx.facts.get('fact:left')!;
    const md = factHoverMarkdown(idx, fact, fact.claims[25]);
    const rows = md.split('\n').filter((l) => /^\| \*?\*?\[r\d+/.test(l));
    assert.equal(rows.length, HOVER_LIMITS.claims);
    assert.ok(rows.some((r) => /^\| \*\*\[r025\\\.txt\]/.test(r)), 'the claim under the cursor is not shown');
    assert.match(md, /…and 18 more sources/);
    assert.match(md, /270 sources do not mention it/);
  });
});
