// Compute pipelines cached by shader key. Compiling WGSL is the slowest thing
// the backend does (about a second per pipeline on SwiftShader), so kernels
// are written to share one program across shapes: shapes, strides and scalars
// travel in a small metadata buffer, and the key names only what changes the
// code (the op, dtypes, a variant).

export interface KernelProgram {
  /** Unique per distinct WGSL source. */
  key: string;
  /** Builds the WGSL source; called once per key. */
  code(): string;
}

export class PipelineCache {
  private readonly pipelines = new Map<string, GPUComputePipeline>();

  constructor(private readonly device: GPUDevice) {}

  get size(): number {
    return this.pipelines.size;
  }

  /** Keys of the compiled programs (tests check which variant ran). */
  keys(): string[] {
    return [...this.pipelines.keys()];
  }

  get(program: KernelProgram): GPUComputePipeline {
    let pipeline = this.pipelines.get(program.key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code: program.code(), label: program.key });
      pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: program.key });
      this.pipelines.set(program.key, pipeline);
    }
    return pipeline;
  }

  clear(): void {
    this.pipelines.clear();
  }
}
