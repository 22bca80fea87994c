// Command links built from untrusted ids (article file names, sidecar annotation ids) and labels made of file
// names (issue 9): a link always carries its whole JSON arguments, a label is one line with invisibles shown.
import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { COMMANDS, commandUri, commandUriOf } from '../../../src/shared/commands';
import { entityHoverMarkdown, factHoverMarkdown } from '../../../src/shared/hoverMarkdown';
import { escapeMarkdown as reportEscape } from '../../../src/engine/report/markdown';
import { fixtureAnalysis } from './fixture';

function hrefs(md: string): string[] {
  const html = marked.parse(md, { async: false, gfm: true }) as string;
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
}

function args(href: string): unknown {
  const m = /^command:crosscheck\.\w+\?(.*)$/.exec(href);
  assert.ok(m, href);
  return JSON.parse(decodeURIComponent(m[1]));
}

// Ids with an unbalanced ")" (common in file names: "report (1).txt" is balanced, "a).txt" is not), quotes,
// brackets, and text shaped like another link.
const IDS = ['a).txt', 'b (1).txt', "x) [evil](command:workbench.action.quit", '*_~!\'"()[]<>`', 'sub/dir(/a).md'];

describe('command links with hostile arguments', () => {
  for (const id of IDS) {
    it(`a link to ${JSON.stringify(id)} renders as one link whose arguments are the whole JSON`, () => {
      const uri = commandUri(COMMANDS.openSpan, { article: id, start: 1, end: 2 });
      const links = hrefs(`see [there](${uri}) and more`);
      assert.equal(links.length, 1, uri);
      assert.deepEqual(args(links[0]), [{ article: id, start: 1, end: 2 }]);
      assert.deepEqual(hrefs(`[a](${commandUriOf(COMMANDS.editNote, [{ id, sidecar: id }])})`).map(args), [[{ id, sidecar: id }]]);
    });
  }

  it('hover cards over articles with such file names link to the right spans', () => {
    const analysis = fixtureAnalysis();
    const renamed = new Map(analysis.articles.map((a, i) => [a.id, IDS[i]]));
    for (const a of analysis.articles) a.id = renamed.get(a.id)!;
    for (const e of analysis.entities) {
      e.articles = e.articles.map((x) => renamed.get(x)!);
      e.spellings.forEach((s) => { s.articles = s.articles.map((x) => renamed.get(x)!); });
      e.mentions.forEach((m) => { m.article = renamed.get(m.article)!; });
    }
    for (const f of analysis.facts) f.claims.forEach((c) => { c.article = renamed.get(c.article)!; });
    const index = new AnalysisIndex(analysis);
    const entity = index.analysis.entities[0];
    const spans = hrefs(entityHoverMarkdown(index, entity)).map(args).filter((x) => (x as [{ article?: string }])[0].article !== undefined);
    const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(sorted(spans), sorted(entity.mentions.map((m) => [{ article: m.article, start: m.start, end: m.end }])));
    const fact = index.analysis.facts[0];
    const claims = hrefs(factHoverMarkdown(index, fact)).map(args).filter((x) => (x as [{ article?: string }])[0].article !== undefined);
    assert.deepEqual(sorted(claims), sorted(fact.claims.map((c) => [{ article: c.article, start: c.start, end: c.end }])));
  });
});

describe('labels made of file names', () => {
  it('are one line, with bidi overrides and zero-width characters shown as codes', () => {
    const analysis = fixtureAnalysis();
    analysis.articles[0].file = 'dir/a\u202Etxt.exe\u200B\nsecond line.txt';
    const label = new AnalysisIndex(analysis).sourceLabel(analysis.articles[0].id);
    assert.equal(label, 'a\u2039U+202E\u203Atxt.exe\u2039U+200B\u203A second line.txt');
  });
});

describe('the Markdown report and invisible characters', () => {
  it('shows zero-width characters as codes, so two spellings that differ never look the same', () => {
    assert.equal(reportEscape('Ume\u200Brov \uFEFFx \u2060y'), 'Ume\\U\\+200Brov U\\+FEFFx U\\+2060y'.replace(/\\U/g, 'U'));
  });
});

describe('very long names in hover cards', () => {
  it('cuts a name and its spellings, so a renamed entity of any length stays a card', () => {
    const analysis = fixtureAnalysis();
    const long = 'Wolfeschlegelsteinhausenbergerdorff '.repeat(3000);
    analysis.entities[0].name = long;
    analysis.entities[0].spellings[0].text = long;
    const md = entityHoverMarkdown(new AnalysisIndex(analysis), analysis.entities[0]);
    assert.ok(md.length < 3000, `${md.length} characters`);
    assert.match(md, /Wolfeschlegelsteinhausenbergerdorff/);
  });
});
