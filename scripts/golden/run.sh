#!/usr/bin/env bash
# Regenerate every golden file from real PyTorch/numpy: runs each
# scripts/golden/*.py with the best Python available (the repo's .venv-torch
# with PyTorch 2.x when it imports torch, else Debian's /usr/bin/python3).
# Tests read the committed outputs and never need Python.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
for cand in "$PWD/.venv-torch/bin/python" /work/main/.venv-torch/bin/python; do
  if [ -x "$cand" ] && "$cand" -c 'import torch' 2>/dev/null; then PY=$cand; break; fi
done
echo "golden: using $PY ($("$PY" -c 'import torch; print("torch", torch.__version__)' 2>/dev/null || echo 'no torch'))"
status=0
for script in scripts/golden/*.py; do
  if [ -n "${1:-}" ] && [[ "$script" != *"$1"* ]]; then continue; fi
  echo "golden: $script"
  if ! "$PY" "$script"; then echo "golden: FAILED $script" >&2; status=1; fi
done
exit $status
