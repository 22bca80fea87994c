import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import type { Analysis } from '../../../src/engine/model';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { LINKABLE_COMMANDS } from '../../../src/shared/commands';
import { entityHoverMarkdown, factHoverMarkdown } from '../../../src/shared/hoverMarkdown';
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
    analysis.facts[0].claims[0].value = evil;
    analysis.facts[0].claims[0].attribution = evil;
    analysis.articles[0].file = '[x](command:evil).txt';
    const idx = new AnalysisIndex(analysis);
    for (const md of [entityHoverMarkdown(idx, idx.analysis.entities[0]), factHoverMarkdown(idx, idx.analysis.facts[0])]) {
      const html = marked.parse(md, { async: false, gfm: true }) as string;
      assert.doesNotMatch(html, /<script|<a href="(?!command:crosscheck\.)/);
      for (const l of links(md)) assert.ok(LINKABLE_COMMANDS.includes(decodeCommand(l).id as never), l);
    }
  });
});
