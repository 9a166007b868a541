import { defineConfig } from 'vitest/config';

// Suites by where they run. `npm test` (scripts/test.sh) runs them all, each
// with the environment it needs (Vulkan for WebGPU, Chromium, code-server).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/conformance/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'webgpu', include: ['test/webgpu/**/*.test.ts'], environment: 'node', testTimeout: 300_000, fileParallelism: false } },
      { test: { name: 'webview', include: ['test/webview/**/*.test.ts'], environment: 'node', testTimeout: 120_000, fileParallelism: false } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
});
