// WebGPU's usage and map-mode bit values, fixed by the specification. Spelled
// out here so the engine does not depend on the GPUBufferUsage/GPUMapMode
// globals, which Node (Dawn) only has once someone installs them.
export const BufferUsage = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  STORAGE: 0x0080,
} as const;

export const MapMode = { READ: 0x0001 } as const;

/** Storage buffers the backend allocates: read and written by kernels, copied
 *  to staging buffers for readback and from them for uploads. */
export const STORAGE_USAGE = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
