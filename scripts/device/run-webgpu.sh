#!/usr/bin/env bash
# Runs on the device machine (see prepare-webgpu.sh): unpacks the Vulkan
# loader and node, then the Node+Dawn WebGPU benchmark on the NVIDIA driver.
# Arguments go to the benchmark (--profile, --full, --matmul-candidates...).
set -euo pipefail
cd "$(dirname "$0")/../.."
for f in .gl/*.deb; do dpkg -x "$f" /; done
ldconfig
xz -dc .devcarry/node.xz > /tmp/node && chmod +x /tmp/node
xz -dc .devcarry/dawn.node.xz > .devcarry/node_modules/webgpu/dist/linux-x64/dawn.node
export XDG_RUNTIME_DIR=/tmp
export VK_ICD_FILENAMES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
export VK_DRIVER_FILES=$VK_ICD_FILENAMES
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv || true
cd .devcarry
/tmp/node --expose-gc bench/webgpu.js "$@" 2>&1 | tee "${OUT:-/tmp}/webgpu-bench.txt"
