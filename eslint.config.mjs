// The engine is a plain library: it must run in node (the CLI, unit tests, a worker) without VS Code.
// A tsconfig setting cannot stop an import, so this rule does.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**'] },
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-debugger': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/extension/worker/**/*.ts', 'src/node/**/*.ts', 'src/cli/**/*.ts', 'src/shared/**/*.ts', 'src/webview/**/*.ts', 'test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The engine, CLI, webview and unit tests must not import vscode: keep VS Code glue in src/extension/.' }],
        patterns: [{ group: ['**/extension/**'], message: 'Only src/extension may depend on the VS Code glue.' }],
      }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The engine must not import vscode: keep VS Code glue in src/extension/.' },
          { name: 'fs', message: 'The engine is pure: file I/O lives in src/node or src/extension.' },
          { name: 'node:fs', message: 'The engine is pure: file I/O lives in src/node or src/extension.' },
          { name: 'fs/promises', message: 'The engine is pure: file I/O lives in src/node or src/extension.' },
          { name: 'node:fs/promises', message: 'The engine is pure: file I/O lives in src/node or src/extension.' },
        ],
        patterns: [{ group: ['**/extension/**', '**/node/**', '**/cli/**'], message: 'The engine depends on nothing above it.' }],
      }],
    },
  },
);
