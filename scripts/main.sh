#!/usr/bin/env bash
# The main job: the seed program through the engine, printing what PyTorch
# prints, and its visual report (report/seed.html).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/esbuild ] || npm ci --no-audit --no-fund
npm run build --silent
mkdir -p report
node dist/cli.js run examples/seed.py --trace report/seed.trace.json
node dist/cli.js render examples/seed.py --html report/seed.html
echo "Visual report: report/seed.html"
