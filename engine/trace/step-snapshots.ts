// Which optimizer steps get a snapshot (at most maxSnapshots, evenly spread
// by a Decimator, the last step always) and what each holds: the parameters
// after the update and the activations of that step's forward pass, i.e. the
// graph's float 1-D/2-D values some op touched since the previous step.
import type { ActivationSnapshot, ParamSnapshot, StepSnapshot } from './types';
import type { TraceCaps } from './caps';
import { readTensor } from './capture';
import { Decimator } from './decimate';
import type { GraphRecorder } from './graph';
import { activationSnapshot, isActivation, linearWeightNodes, paramSnapshot } from './snapshot';
import { histogram } from './stats';
import type { TracedTensor } from './traced-tensor';

type NamedParams = readonly (readonly [string, TracedTensor])[];

/** The tensors of the newest optimizer step, for its snapshot at the end. */
interface LastStep {
  step: number;
  params: NamedParams;
  /** Activations of that step's forward pass, by graph node. */
  activations: [number, TracedTensor][];
  /** In-place versions then: a change since means the values are no longer that step's. */
  versions: (number | undefined)[];
}

export class StepSnapshots {
  private readonly kept: Decimator<StepSnapshot>;
  /** Graph nodes an op produced or read since the last optimizer step. */
  private touched = new Set<number>();
  private last: LastStep | null = null;
  private pending: [number, TracedTensor][] = [];

  constructor(private readonly graph: GraphRecorder, private readonly caps: TraceCaps) {
    // One place is kept for the last step, added in finish().
    this.kept = new Decimator(Math.max(1, caps.maxSnapshots - 1));
  }

  /** An op read or produced `t` (called for every op: keep it cheap). */
  touch(t: TracedTensor): void {
    const id = this.graph.nodeOf(t);
    if (id !== undefined) this.touched.add(id);
  }

  /** Call at every optimizer step; true when this step is to be snapshotted
   *  (then call add() with its parameters). */
  onStep(step: number, params: NamedParams): boolean {
    // (A transposed weight is 2-D and float too, but no unit is filled from it.)
    const weights = linearWeightNodes(this.graph.snapshot());
    const activations: [number, TracedTensor][] = [];
    for (const id of this.touched) {
      if (activations.length >= this.caps.maxSnapshotActivations) break;
      const t = this.graph.lastValue.get(id);
      if (t && !weights.has(id) && isActivation(this.graph.nodes[id], t.shape)) activations.push([id, t]);
    }
    this.touched = new Set();
    this.last = { step, params, activations, versions: versionsOf(params, activations) };
    this.pending = activations;
    if (this.kept.wantsNext()) return true;
    this.kept.skip();
    return false;
  }

  /** The snapshot of the step onStep() said yes to, its parameters read by the caller. */
  async add(step: number, params: ParamSnapshot[]): Promise<void> {
    this.kept.add({ step, params, activations: await readActivations(this.pending) });
  }

  /** The snapshots with the last step always in them. Taken at the end (no
   *  copy per step): skipped if the program changed those tensors in place since. */
  async finish(): Promise<StepSnapshot[]> {
    const kept = this.kept.items;
    const last = this.last;
    if (!last || kept[kept.length - 1]?.step === last.step) return kept;
    const now = versionsOf(last.params, last.activations);
    if (now.some((v, i) => v !== last.versions[i])) return kept;
    const ws = await Promise.all(last.params.map(([, p]) => readTensor(p)));
    const params = last.params.map(([name, p], k): ParamSnapshot =>
      paramSnapshot(name, p.shape, ws[k], histogram(ws[k], this.caps.histBins), this.graph.nodeOf(p)));
    return [...kept, { step: last.step, params, activations: await readActivations(last.activations) }];
  }
}

function versionsOf(params: NamedParams, activations: readonly [number, TracedTensor][]): (number | undefined)[] {
  return [...params.map(([, p]) => p.version), ...activations.map(([, t]) => t.version)];
}

async function readActivations(list: readonly [number, TracedTensor][]): Promise<ActivationSnapshot[]> {
  const values = await Promise.all(list.map(([, t]) => readTensor(t)));
  const out: ActivationSnapshot[] = [];
  list.forEach(([id, t], k) => {
    const a = activationSnapshot(id, t.shape, values[k]);
    if (a) out.push(a);
  });
  return out;
}
