// TensorCapture -> TensorSummary: stats, the printed form, a capped sample.
import type { TensorSummary } from './types';
import type { TensorPrinter } from './traced-tensor';
import { type TensorCapture, valuesOf } from './capture';
import { computeStats, roundForSample } from './stats';

export interface SummaryOptions {
  print: TensorPrinter;
  sampleValues: number;
  maxPrintedChars: number;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max) + '…';
}

export async function summarize(c: TensorCapture, o: SummaryOptions): Promise<TensorSummary> {
  const values = await valuesOf(c);
  const n = values.length;
  const take = Math.min(n, o.sampleValues);
  const sample: number[] = new Array(take);
  for (let i = 0; i < take; i++) sample[i] = roundForSample(values[i]);
  let printed: string;
  try {
    printed = o.print({ shape: c.shape, dtype: c.dtype, values, requiresGrad: c.requiresGrad, gradFn: c.gradFn });
  } catch (e) {
    // A printing bug must not lose the rest of the trace.
    printed = `<tensor of shape ${JSON.stringify(c.shape)}: cannot print (${(e as Error).message})>`;
  }
  const s: TensorSummary = {
    kind: 'tensor',
    shape: c.shape,
    dtype: c.dtype,
    requiresGrad: c.requiresGrad,
    gradFn: c.gradFn,
    isLeaf: c.isLeaf,
    stats: computeStats(values),
    printed: clip(printed, o.maxPrintedChars),
    sample: { values: sample, complete: take === n },
  };
  if (c.grad) s.grad = await summarize(c.grad, o);
  if (c.nodeId !== undefined) s.nodeId = c.nodeId;
  return s;
}
