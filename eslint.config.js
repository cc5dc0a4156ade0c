import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering is law (docs/architecture.md): src-shared <- contract <- core <- services <- transports; the
 * renderer and the sandboxed preload take values only from src-shared (runtime-neutral: no DOM, no Node, no
 * zod) and types only from the contract. Each block below forbids the imports that would point the wrong way.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'worker_threads', 'url'];
const forbid = (groups, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] });
/** The contract carries zod and every schema (~210 kB): the renderer and the preload may only `import type` from it. */
const typesOnlyFromContract = (extraGroups, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [{ name: '@contract', allowTypeImports: true, message: 'import only types from "@contract" (`import type`); values come from "@shared/…"' }],
      patterns: [
        { group: ['**/contract', '**/contract/**'], allowTypeImports: true, message: 'import only types from the contract (`import type`); values come from src-shared' },
        ...(extraGroups.length ? [{ group: extraGroups, message }] : []),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench/.data/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**'],
    // Its tests may check it against the layers that use it.
    ignores: ['src-shared/**/*.test.ts'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'lowdb', 'flexsearch', 'zod', '@contract', '**/src-main/**', '**/src-renderer/**'],
      'src-shared is runtime-neutral (renderer, preload, main, workers): no Node, DOM libraries, Electron, React, zod or other layers',
    ),
  },
  {
    files: ['src-main/contract/**'],
    rules: forbid([...nodeBuiltins, 'electron', 'react', 'react-dom', '**/core/**', '**/services/**', '**/transports/**', '**/src-renderer/**'], 'contract is the bottom layer: only schemas and types, no Node, Electron, React or upper layers'),
  },
  {
    files: ['src-main/core/**'],
    rules: forbid([...nodeBuiltins, 'electron', 'react', 'react-dom', 'lowdb', 'flexsearch', '**/services/**', '**/transports/**', '**/src-renderer/**'], 'core is pure domain code: no I/O, no Node, Electron or React, no upper layers'),
  },
  {
    files: ['src-main/services/**'],
    rules: forbid(['electron', 'react', 'react-dom', '**/transports/**', '**/src-renderer/**'], 'services implement the contract and know nothing of Electron, HTTP transports or React'),
  },
  {
    files: ['src-main/transports/**'],
    rules: forbid(['react', 'react-dom', '**/src-renderer/**'], 'transports never import the renderer'),
  },
  {
    // The sandboxed preload is bundled into one file: its constants come from src-shared, not the contract.
    files: ['src-main/transports/electron/preload.ts'],
    rules: typesOnlyFromContract(['zod'], 'the preload carries no schemas'),
  },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/incompatible-library': 'off',
      ...forbid([...nodeBuiltins, 'electron', '**/src-main/**', 'lowdb', 'flexsearch', 'zod'], 'the renderer knows only the contract\'s types ("@contract") and src-shared ("@shared/…")'),
      ...typesOnlyFromContract([], ''),
    },
  },
);
