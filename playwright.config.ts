import { defineConfig } from '@playwright/test';

/**
 * Two ways to run the same specs: against the loopback web host in Debian's Chromium, and inside
 * Electron where its binary exists (`scripts/test.mjs` decides and says so).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // scripts/test.mjs names the JSON file per project (PLAYWRIGHT_JSON_OUTPUT_NAME) and counts from it.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1280, height: 820 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', metadata: { host: 'web' }, testIgnore: '**/*.electron.spec.ts' },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});
