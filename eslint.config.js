import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering is law (docs/architecture.md): contract <- core <- services <- transports, and the renderer sees
 * only the contract. Each block below forbids the imports that would point the wrong way.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'worker_threads', 'url'];
const forbid = (groups, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] });

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
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/incompatible-library': 'off',
      ...forbid([...nodeBuiltins, 'electron', '**/src-main/**', 'lowdb', 'flexsearch'], 'the renderer knows only the contract: import types from "@contract"'),
    },
  },
);
