#!/usr/bin/env bash
# The full test suite: `npm test`. Installs what the browser, WebGPU and
# VS Code suites need when it is missing (idempotent), builds, then runs every
# suite. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
npm run build --silent
npm run typecheck --silent

export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
# Vulkan must be chosen outside the test process: set inside a worker it
# never reaches the loader and Dawn finds no adapter.
export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json

for suite in unit webgpu webview e2e; do
  if compgen -G "test/$suite/**" > /dev/null || [ "$suite" = unit ]; then
    echo "=== suite: $suite"
    npx vitest run --project "$suite"
  fi
done
