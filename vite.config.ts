import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The CSP forbids inline scripts; keep every asset a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
