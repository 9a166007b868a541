// A node of the backward graph: PyTorch's grad_fn. It keeps the tensors its
// formula needs (with their versions, so an in-place change is caught) and
// the edges to the nodes of its inputs. A leaf that requires grad is an edge
// target itself (PyTorch's AccumulateGrad).

import type { Tensor } from '../tensor';
import { legacyTypeName } from '../core/dtype';
import { runtimeError } from '../core/errors';

/** Where an input's gradient goes: its grad_fn, the leaf itself, or nowhere. */
export type Edge = Node | Tensor | null;

/** Gets grads of this node's outputs, returns grads of its inputs (one per edge). */
export type BackwardFn = (grads: readonly (Tensor | null)[], saved: readonly Tensor[]) => readonly (Tensor | null)[];

const FREED_MESSAGE =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

export class Node {
  /** PyTorch's class name: 'MulBackward0', 'MmBackward0', ... */
  readonly name: string;
  readonly next: Edge[];
  /** For each edge into a node: which of that node's outputs the input was. */
  readonly nextNr: number[] | null;
  readonly numOutputs: number;
  private readonly fn: BackwardFn;
  private saved: Tensor[] | null;
  private readonly savedVersions: number[];
  /** Outputs kept alive only for retain_grad(); indexed by output number. */
  retained: (Tensor | null)[] | null = null;
  /** Monotonic creation order: PyTorch runs the most recent node first among ready ones. */
  readonly seq: number;
  private static counter = 0;

  constructor(name: string, next: Edge[], fn: BackwardFn, saved: Tensor[] = EMPTY_SAVED, numOutputs = 1, nextNr: number[] | null = null) {
    this.name = name;
    this.next = next;
    this.nextNr = nextNr;
    this.fn = fn;
    this.numOutputs = numOutputs;
    this.saved = saved;
    this.savedVersions = saved.length === 0 ? EMPTY : saved.map((t) => t.version);
    this.seq = Node.counter++;
  }

  /** True once backward freed the saved tensors (only matters if there were any). */
  get isFreed(): boolean {
    return this.saved === null;
  }

  apply(grads: readonly (Tensor | null)[]): readonly (Tensor | null)[] {
    const saved = this.saved;
    if (saved === null) throw runtimeError(FREED_MESSAGE);
    for (let i = 0; i < saved.length; i++) {
      const t = saved[i];
      if (t.version !== this.savedVersions[i]) {
        const owner = t.gradFn !== null ? `, which is output ${t.outputNr} of ${t.gradFn.name.replace(/Backward\d*$/, '')},` : '';
        throw runtimeError(
          'one of the variables needed for gradient computation has been modified by an inplace operation: ' +
            `[${legacyTypeName(t.dtype)} [${t.shape.join(', ')}]]${owner} is at version ${t.version}; expected version ${this.savedVersions[i]} instead. ` +
            'Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).',
        );
      }
    }
    return this.fn(grads, saved);
  }

  /** Drops saved tensors after a backward without retain_graph. Nodes that saved
   *  nothing stay usable, exactly as in PyTorch (AddBackward0 can run twice). */
  release(): void {
    if (this.saved !== null && this.saved.length > 0) this.saved = null;
  }

  /** Graph walking for the trace: (node, input index) pairs like next_functions. */
  get nextFunctions(): readonly Edge[] {
    return this.next;
  }
}

const EMPTY: number[] = [];
const EMPTY_SAVED: Tensor[] = [];
