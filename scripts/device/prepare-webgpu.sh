#!/usr/bin/env bash
# Packs what a GPU machine (the `device` tool's: NVIDIA driver, no network,
# no Node, no Vulkan loader) needs to run `bench:webgpu` in one call:
#   .gl/        the Vulkan/GL loader .debs (unpacked there with dpkg -x)
#   .devcarry/  node (xz), Dawn's dawn.node (xz), the `webgpu` package's JS,
#               and the benchmarks bundled with the webgpu package external.
# Both folders are ignored through .git/info/exclude, so they travel only
# when the run call names them in `carry`. Then run, on the device:
#   bash scripts/device/run-webgpu.sh [bench flags]
# e.g. device run: command "bash scripts/device/run-webgpu.sh --profile --full --matmul-candidates",
# carry [".gl", ".devcarry"], timeout_s 420.
set -euo pipefail
cd "$(dirname "$0")/../.."
for d in /.gl/ /.devcarry/; do grep -qxF "$d" .git/info/exclude || echo "$d" >> .git/info/exclude; done

if ! ls .gl/libvulkan1_*.deb >/dev/null 2>&1; then
  mkdir -p .gl /tmp/amd64/partial
  o=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64)
  apt-get "${o[@]}" update -qq
  (cd .gl && apt-get "${o[@]}" download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
fi

mkdir -p .devcarry/node_modules/webgpu/dist/linux-x64 .devcarry/bench
[ -f .devcarry/node.xz ] || xz -T0 -9 -c "$(command -v node)" > .devcarry/node.xz
[ -f .devcarry/dawn.node.xz ] || xz -T0 -9 -c node_modules/webgpu/dist/linux-x64/dawn.node > .devcarry/dawn.node.xz
cp node_modules/webgpu/package.json node_modules/webgpu/index.js .devcarry/node_modules/webgpu/

# The benchmarks, self-contained except for Dawn (loaded from .devcarry/node_modules).
for b in webgpu; do
  npx esbuild "scripts/bench/$b.ts" --bundle --platform=node --format=cjs --target=node20 \
    --external:webgpu --log-level=warning --outfile=".devcarry/bench/$b.js"
done
du -sh .gl .devcarry
echo "ready: device run with carry [\".gl\", \".devcarry\"] and command 'bash scripts/device/run-webgpu.sh --profile --full --matmul-candidates' (3-5 min on an H100)"
