// How each dtype lives in a GPU buffer: every element takes one 32-bit word.
//   float32 -> f32
//   int32   -> i32
//   int64   -> i32. Documented limit: values must lie in [-2^31, 2^31 - 1];
//              writing a larger one raises a RuntimeError, and kernel results
//              that overflow wrap around as int32 arithmetic does.
//   bool    -> u32 holding 0 or 1 (WGSL has no 8-bit storage type)
//   float64 -> not supported: WebGPU has no f64. Allocating one raises the
//              TypeError PyTorch's MPS backend raises (TORCH_CHECK_TYPE in
//              aten/src/ATen/mps/EmptyTensor.cpp), naming WebGPU instead of MPS.
import type { Backend, Storage } from '../backend';
import type { DType, StorageArray } from '../../core/dtype';
import { assertNeverDType } from '../../core/dtype';
import { runtimeError, typeError } from '../../core/errors';

export type WgslScalar = 'f32' | 'i32' | 'u32';

export function wgslType(dtype: DType): WgslScalar {
  switch (dtype) {
    case 'float32': return 'f32';
    case 'int32': return 'i32';
    case 'int64': return 'i32';
    case 'bool': return 'u32';
    case 'float64': throw float64Error();
    default: return assertNeverDType(dtype);
  }
}

export function float64Error(): Error {
  return typeError(
    "Cannot convert a WebGPU Tensor to float64 dtype as the WebGPU framework doesn't support float64. Please use float32 instead.",
  );
}

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;

export class GpuStorage implements Storage {
  /** The host copy while it is known to equal the buffer (after write/read, before any kernel writes). */
  mirror: StorageArray | null = null;
  disposed = false;
  /** The buffer came back from the pool holding old data and still owes the zeros a new storage has. */
  needsZero = false;
  constructor(
    readonly backend: Backend,
    readonly dtype: DType,
    readonly size: number,
    readonly buffer: GPUBuffer,
  ) {}
}

/** The 32-bit words `data` becomes in a buffer of `dtype`. */
export function encode(dtype: DType, data: ArrayLike<number>): Float32Array | Int32Array | Uint32Array {
  const n = data.length;
  switch (dtype) {
    case 'float32': return data instanceof Float32Array ? data : Float32Array.from(data);
    case 'int32': return data instanceof Int32Array ? data : Int32Array.from(data);
    case 'int64': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = data[i];
        if (!(v >= I32_MIN && v <= I32_MAX)) {
          throw runtimeError(
            `the WebGPU backend stores int64 as 32-bit integers; ${v} is outside [${I32_MIN}, ${I32_MAX}]`,
          );
        }
        out[i] = v;
      }
      return out;
    }
    case 'bool': {
      const out = new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = data[i] !== 0 ? 1 : 0;
      return out;
    }
    case 'float64': throw float64Error();
    default: return assertNeverDType(dtype);
  }
}

/** The engine's storage array (core/dtype.ts) for words read back from a buffer. */
export function decode(dtype: DType, words: ArrayBuffer, n: number): StorageArray {
  switch (dtype) {
    case 'float32': return new Float32Array(words, 0, n);
    case 'int32': return new Int32Array(words, 0, n);
    case 'int64': return Float64Array.from(new Int32Array(words, 0, n));
    case 'bool': return Uint8Array.from(new Uint32Array(words, 0, n));
    case 'float64': throw float64Error();
    default: return assertNeverDType(dtype);
  }
}
