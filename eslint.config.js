// Lint, and the layer rules of docs/ARCHITECTURE.md: a lower layer never imports a higher one.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const noNodeMessage = 'Node built-ins live behind the bridge (electron/services).';
// Exact names, not patterns: a pattern "crypto" would also match a local "./crypto".
const noNodePaths = [...new Set(builtinModules)].map((name) => ({ name, message: noNodeMessage }));
const noNode = { group: ['node:*'], message: noNodeMessage };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron', '**/renderer/**'], message: 'shared/ is the lowest layer: it imports neither electron/ nor renderer/.' },
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'react-i18next'], message: 'shared/ knows nothing of React.' },
          noNode,
        ],
        paths: noNodePaths,
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron'], message: 'The renderer reaches the services only through the bridge (renderer/bridge).' },
          noNode,
        ],
        paths: noNodePaths,
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
      }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Services run in plain Node: only electron/main and electron/preload import electron.' }],
        patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Services sit below the shell and the renderer.' }],
      }],
    },
  },
  {
    // Stand-ins for Electron and other outside modules are loosely typed on purpose.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', 'bench/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/serve.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
