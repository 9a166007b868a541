// torch.Size, dtype names and Python tuples of ints as PyTorch prints them.

/** 'torch.Size([1, 5])'. */
export function formatSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** str(tuple(shape)): '(2, 3)', '(0,)', '()'. */
export function formatShapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** 'torch.float32' for 'float32'. */
export function formatDType(dtype: string): string {
  return `torch.${dtype}`;
}
