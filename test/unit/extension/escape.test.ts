import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { escapeHtml, escapeMarkdown, oneLine, plainMessage, revealInvisible } from '../../../src/shared/escape';

/** Renders markdown the way VS Code's hover does (marked, GFM) and returns the HTML. */
function render(md: string): string {
  return marked.parse(md, { async: false, gfm: true }) as string;
}

function textOf(html: string): string {
  return html
    .replace(/<\/?p>\n?/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[click me](command:crosscheck.openSpan?%5B%7B%7D%5D)',
  '[x](command:workbench.action.terminal.new)',
  '[js](javascript:alert(1))',
  '![img](https://example.com/a.png)',
  '<https://evil.example>',
  'visit https://evil.example/x or www.evil.example',
  '`code` and ``more``',
  '**bold** _em_ ~~strike~~',
  'AT&amp;T &lt;b&gt; &#x3C;script&#x3E;',
  '| a | b |',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  'back\\slash \\[',
  '<!-- comment -->',
];

describe('escapeMarkdown', () => {
  for (const input of HOSTILE) {
    it(`renders ${JSON.stringify(input)} as literal text`, () => {
      const html = render(escapeMarkdown(input));
      assert.doesNotMatch(html, /<(a|script|img|code|em|strong|del|h\d|li|blockquote|table)\b/i, html);
      assert.equal(textOf(html), input);
    });
  }

  it('keeps a command link out even inside a table cell built around it', () => {
    const cell = `| ${escapeMarkdown('x | [y](command:evil)')} | z |`;
    const html = render(`| a | b |\n|--|--|\n${cell}`);
    assert.doesNotMatch(html, /<a\b/);
    assert.match(html, /x \| \[y\]\(command:evil\)/);
  });

  it('makes multi-line text one line', () => {
    assert.equal(escapeMarkdown('a\n\n# b'), 'a \\# b');
  });
});

describe('escapeHtml', () => {
  it('escapes markup, quotes and backticks', () => {
    assert.equal(escapeHtml(`<img src="x" onerror='a'>\`&amp;`), '&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt;&#96;&amp;amp;');
  });
});

describe('invisible and control characters', () => {
  it('shows bidi overrides and zero-width characters as visible codes', () => {
    assert.equal(revealInvisible('12\u202E34\u200B5'), '12\u2039U+202E\u203A34\u2039U+200B\u203A5');
    assert.doesNotMatch(escapeMarkdown('a\u2066b\u2069'), /[\u2066\u2069]/);
    assert.doesNotMatch(escapeHtml('a\u202Eb'), /\u202E/);
  });

  it('drops control characters from one-line text', () => {
    assert.equal(oneLine('a\u0000b\u001Bc\r\nd'), 'abc d');
  });
});

describe('plainMessage (notifications)', () => {
  // VS Code's own parser of links in notification messages (src/vs/base/common/linkedText.ts), which makes
  // `[label](command:id)` in showErrorMessage & co. a link that runs the command.
  const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

  it('leaves no link VS Code would make from file or sidecar text, and keeps it readable', () => {
    const hostile = 'a.crosscheck.yaml:3:9: id "[x](command:workbench.action.quit)" is used twice; [y] (https://evil.example) [z](file:///etc/passwd "t")';
    assert.equal([...hostile.matchAll(LINKED_TEXT)].length, 2, 'the regex finds the links it should');
    const plain = plainMessage(hostile);
    assert.deepEqual([...plain.matchAll(LINKED_TEXT)], []);
    assert.equal(plain, 'a.crosscheck.yaml:3:9: id "[x] (command:workbench.action.quit)" is used twice; [y] (https://evil.example) [z] (file:///etc/passwd "t")');
  });
});
