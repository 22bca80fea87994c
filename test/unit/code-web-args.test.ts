// The offline launcher stands in for VS Code's executable: it must read the flags runTests passes.
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../scripts/vscode-web/code-web';

describe('code-web reads the command line runTests gives a VS Code executable', () => {
  it('takes --flag=value and --flag value, the workspace, and repeated flags', () => {
    const { flags, positional } = parseArgs([
      '/tmp/ws', '--disable-extensions', '--user-data-dir', '/tmp/ud', '--no-sandbox',
      '--extensionTestsPath=/repo/out/test/integration/index.js',
      '--extensionDevelopmentPath=/repo', '--extensionDevelopmentPath=/other',
      '--extensions-dir=/tmp/ext',
    ]);
    assert.deepEqual(positional, ['/tmp/ws']);
    assert.deepEqual(flags.get('user-data-dir'), ['/tmp/ud']);
    assert.deepEqual(flags.get('extensions-dir'), ['/tmp/ext']);
    assert.deepEqual(flags.get('extensionTestsPath'), ['/repo/out/test/integration/index.js']);
    assert.deepEqual(flags.get('extensionDevelopmentPath'), ['/repo', '/other']);
    assert.deepEqual(flags.get('disable-extensions'), ['true']);
  });

  it('keeps "=" inside a value and does not swallow the workspace after a switch', () => {
    const { flags, positional } = parseArgs(['--skip-welcome', '/tmp/a=b', '--extensionTestsPath=/x/a=b.js']);
    assert.deepEqual(positional, ['/tmp/a=b']);
    assert.deepEqual(flags.get('extensionTestsPath'), ['/x/a=b.js']);
  });
});
