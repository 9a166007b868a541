// Row-major index groups for reductions done on read-back values (rare
// backward paths that are simpler on the host than as kernels).

export function elementOffsetsOf(shape: readonly number[], dims: readonly number[]): number[][] {
  const n = shape.reduce((a, b) => a * b, 1);
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let d = 0; d < shape.length; d++) {
      if (!dims.includes(d)) key += Math.floor(i / strides[d]) % shape[d] * strides[d];
    }
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(i);
  }
  return [...groups.values()];
}
