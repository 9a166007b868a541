// Compiling the engine's embedded WebAssembly SIMD modules (the float32 GEMM,
// the randn kernel). Synchronous, from base64 text in a TS module, so nothing
// needs Node, a DOM or a fetch. null where WebAssembly or SIMD128 is missing
// or compilation fails: callers then keep their JS kernels.

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const map = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) map[alphabet.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, nbits = 0, o = 0;
  for (let i = 0; i < clean.length; i++) {
    bits = ((bits << 6) | map[clean.charCodeAt(i)]) & 0xffffff;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[o++] = (bits >> nbits) & 0xff;
    }
  }
  return out;
}

/** The module's exports, or null where it cannot run here. */
export function instantiateSimdModule(base64: string): WebAssembly.Exports | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = decodeBase64(base64);
    // validate() is false where SIMD128 is not supported: fall back quietly.
    if (!WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  } catch {
    return null;
  }
}
