// The article grammar (syntaxes/), tested with vscode-tmgrammar-test: it tokenises each case in
// test/grammar/ with vscode-textmate and oniguruma (what VS Code runs) and checks the scopes asserted under
// each line. One mocha test per case file, so a failure names the case and lists the scopes it got.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';

const ROOT = path.resolve(__dirname, '../..');
const CASES = path.join(ROOT, 'test', 'grammar');

interface GrammarContribution {
  language: string;
  scopeName: string;
  path: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
// The grammar exactly as the extension contributes it (the path VS Code loads).
const grammars = manifest.contributes.grammars.map((g) => ({ ...g, path: path.join(ROOT, g.path) }));

describe('the article grammar (syntaxes/)', () => {
  const registry = createRegistry(grammars);
  const cases = fs.readdirSync(CASES).filter((f) => f.endsWith('.txt')).sort();

  it('has test cases', () => {
    assert.ok(cases.length > 0, `no grammar test cases in ${CASES}`);
  });

  for (const file of cases) {
    it(`scopes ${file} as its assertions say`, async () => {
      const testCase = parseGrammarTestCase(fs.readFileSync(path.join(CASES, file), 'utf8'));
      assert.ok(testCase.assertions.length > 0, `${file} asserts nothing`);
      const failures = await runGrammarTestCase(registry, testCase);
      const report = failures.map((f) => {
        const line = testCase.source[f.srcLine] ?? '';
        return `line ${f.srcLine + 1} [${f.start}, ${f.end}) "${line.slice(f.start, f.end)}": ` +
          `actual ${f.actual.join(' ')}${f.missing.length ? `; missing ${f.missing.join(' ')}` : ''}${f.unexpected.length ? `; unexpected ${f.unexpected.join(' ')}` : ''}`;
      });
      assert.deepEqual(report, [], `${file}:\n${report.join('\n')}`);
    });
  }
});
