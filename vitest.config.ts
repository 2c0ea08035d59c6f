import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Markdown data files (the starter SOPs) are imported as their text, as esbuild bundles them.
  plugins: [{ name: 'markdown-as-text', transform: (code, id) => (id.endsWith('.md') ? { code: `export default ${JSON.stringify(code)};`, map: null } : null) }],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
