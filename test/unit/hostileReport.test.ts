// The Markdown report quotes article text: no control character or bidi override from it may pass through.
import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/engine/report/markdown';

describe('hostile text in the Markdown report', () => {
  it('drops terminal controls and shows bidi overrides as codes', () => {
    const out = escapeMarkdown('Talks\u001b[2J\u009b31m \u202eevil\u2069 <script>alert(1)</script> [x](command:workbench.action.quit)');
    assert.doesNotMatch(out, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    assert.match(out, /U\\\+202E/);
    assert.doesNotMatch(out, /<script/);
    assert.doesNotMatch(out, /\]\(command:/);
  });
});
