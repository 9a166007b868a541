#!/usr/bin/env bash
# Golden output for test/conformance/torch/mnist/*.py: real PyTorch on the
# same bundled digits as the engine (torchvision stand-in, see
# scripts/golden/torchvision_shim). Written as NAME.expected (not .out) because
# these programs need the host to provide the digits (datasetSources), which
# test/unit/runtime-mnist.test.ts does.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=.venv-torch/bin/python; [ -x "$py" ] || py=/usr/bin/python3
for f in test/conformance/torch/mnist/*.py; do
  (cd "$(dirname "$f")" && PYTHONPATH="$OLDPWD/scripts/golden/torchvision_shim" OMP_NUM_THREADS=1 "$OLDPWD/$py" "$(basename "$f")") > "${f%.py}.expected"
  echo "$f: $(wc -c < "${f%.py}.expected") bytes"
done
