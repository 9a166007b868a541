#!/usr/bin/env bash
# Regenerates NAME.expected for these MNIST programs with real PyTorch, through
# the shared golden script (scripts/golden/conformance.py) and the torchvision
# stand-in (scripts/golden/torchvision_shim), which gives real PyTorch the same
# bundled digits the engine uses (order of scripts/golden/mnist_export.py).
# Named .expected rather than .out because the programs need the host to provide
# the digits (datasetSources.loadMnistDigits), which test/conformance/conformance.test.ts
# does not do; mnist.test.ts beside this file does.
set -euo pipefail
mkdir -p "$(dirname "$0")/examples"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/.venv-torch/bin/python"; [ -x "$py" ] || py=/usr/bin/python3
PYTHONPATH="$root/scripts/golden/torchvision_shim" "$py" "$root/scripts/golden/conformance.py" "$here"/*.py
for f in "$here"/*.out; do mv "$f" "${f%.out}.expected"; done
if ls "$here"/*.err >/dev/null 2>&1; then echo "programs failed under PyTorch:"; cat "$here"/*.err; exit 1; fi
# The examples (examples/mnist_training.py, examples/notebook.ipynb), checked by examples.test.ts.
(cd "$root/examples" && PYTHONPATH="$root/scripts/golden/torchvision_shim" OMP_NUM_THREADS=1 "$py" mnist_training.py) > "$here/examples/mnist_training.expected"
"$py" "$here/tools/jupyter_emul" "$root/examples/notebook.ipynb" > "$here/examples/notebook.expected"
