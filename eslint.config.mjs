// The linter's rules for every source file: ESLint's and typescript-eslint's recommended
// sets, and the boundaries between the parts (the engine knows nothing of editors; the client
// loads nothing of the server but its protocol). `npm run lint`; CI runs it over the whole tree.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'out-*/', 'dist/', 'test-output/', '.vscode-test/', 'test/code-server/.work/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An unused argument kept for a signature, or a caught error not looked at, is said with a leading _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Cleanup that may fail (a process already gone, a folder already removed) says nothing.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Control characters are matched on purpose: binary files, terminal colours, NUL bytes.
      'no-control-regex': 'off',
      // Node's own modules and the server are loaded at first use where that saves start-up time.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^node:', '^\\.\\./server$', '^\\./node-client$'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Scripts that run in the page (Playwright's evaluate) see the browser's globals.
    files: ['test/ui/**', 'scripts/capture-images.mjs', 'scripts/render-icon.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode-languageserver*', 'vscode', '**/features/*', '**/lsp', '**/cli/*'],
              message: 'the engine is plain TypeScript: no editor, protocol or server imports',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./.*server/src/(?!protocol$)', message: 'the client loads only the protocol module of the server (server/src/protocol.ts)' },
          ],
        },
      ],
    },
  },
);
