import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/main.ts', 'src/bench/**'],
      thresholds: { lines: 90, statements: 90, 'src/core/**': { branches: 100 } },
    },
  },
});
