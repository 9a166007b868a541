// The WebGPU device every test in this folder uses: Dawn through Node, on
// SwiftShader here (scripts/test.sh exports VK_ICD_FILENAMES before vitest
// starts; set inside a worker it would never reach the Vulkan loader). No
// adapter throws, so the suite fails instead of skipping.
import { createDawnDevice, type DawnDevice } from '../../extension/gpu/dawn';

let shared: Promise<DawnDevice> | null = null;

export function testDevice(): Promise<DawnDevice> {
  shared ??= createDawnDevice();
  return shared;
}
