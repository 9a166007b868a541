#!/usr/bin/env bash
# Everything a fresh machine lacks, installed only when missing: npm packages,
# Debian's Chromium (browser tests, SwiftShader Vulkan for WebGPU), and the
# VS Code (code-server) the end-to-end suite drives.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/vitest ] || npm ci --no-audit --no-fund

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ldconfig -p | grep -q libvulkan.so.1 || need+=(libvulkan1)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" > /dev/null
fi

if [ -f scripts/setup-e2e.sh ]; then bash scripts/setup-e2e.sh; fi
