import { describe, expect, it } from 'vitest';
import {
  Module, Linear, Sequential, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Dropout, Flatten, Identity,
  CrossEntropyLoss, NLLLoss, MSELoss, Parameter, isParameter, incompatibleKeysRepr, ModuleList,
} from '../../engine/nn';
import { defaultGenerator } from '../../engine/random';
import { fromValues, golden, values } from './nn-helpers';
import { createHash } from 'node:crypto';

const g = golden('nn-modules.json');

function outer(): Module {
  const o = new Module('Outer');
  o.setAttr('features', new Sequential(new Flatten(), new Linear(4, 3), new ReLU()));
  o.setAttr('head', new Sequential(new Map<string, Module>([['fc', new Linear(3, 2)], ['act', new LogSoftmax(1)]])));
  o.setAttr('drop', new Dropout(0.2));
  o.setAttr('scale', Parameter(fromValues([1, 1], [2])));
  o.registerBuffer('count', fromValues([0], [1]));
  return o;
}

function network(): Module {
  const m = new Module('Network');
  m.setAttr('hidden', new Linear(784, 256));
  m.setAttr('output', new Linear(256, 10));
  m.setAttr('sigmoid', new Sigmoid());
  m.setAttr('softmax', new Softmax(1));
  return m;
}

const tutorial = () => new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10), new Softmax(1));

describe('module repr is PyTorch\'s', () => {
  const cases: Record<string, () => Module> = {
    'Linear(784, 256)': () => new Linear(784, 256),
    'Linear(3, 2, bias=False)': () => new Linear(3, 2, { bias: false }),
    'ReLU()': () => new ReLU(),
    'Sigmoid()': () => new Sigmoid(),
    'Tanh()': () => new Tanh(),
    'Softmax(dim=1)': () => new Softmax(1),
    'Softmax()': () => new Softmax(),
    'LogSoftmax(dim=1)': () => new LogSoftmax(1),
    'Dropout(p=0.2)': () => new Dropout(0.2),
    'Dropout()': () => new Dropout(),
    'Flatten()': () => new Flatten(),
    'Flatten(0, -1)': () => new Flatten(0, -1),
    'Identity()': () => new Identity(),
    'CrossEntropyLoss()': () => new CrossEntropyLoss(),
    'NLLLoss()': () => new NLLLoss(),
    'MSELoss()': () => new MSELoss(),
    'Sequential()': () => new Sequential(),
    'Sequential(tutorial)': tutorial,
    'Sequential(OrderedDict)': () => new Sequential(new Map<string, Module>([
      ['fc1', new Linear(784, 128)], ['relu1', new ReLU()], ['fc2', new Linear(128, 64)],
      ['relu2', new ReLU()], ['output', new Linear(64, 10)], ['softmax', new Softmax(1)]])),
    Network: network,
    Outer: outer,
    Empty: () => new Module('Empty'),
    FcNetwork: () => {
      const m = new Module('FcNetwork');
      const sizes = [512, 256, 128];
      m.setAttr('hidden_layers', new ModuleList([new Linear(784, sizes[0])]));
      (m.getAttr('hidden_layers') as ModuleList).extend(sizes.slice(0, -1).map((h, i) => new Linear(h, sizes[i + 1])));
      m.setAttr('output', new Linear(128, 10));
      m.setAttr('dropout', new Dropout(0.5));
      return m;
    },
    'ModuleList(repeated)': () => new ModuleList([new Linear(4, 4), new Linear(4, 4), new Linear(4, 4), new ReLU(), new ReLU(), new Linear(4, 2)]),
    'ModuleList()': () => new ModuleList(),
  };
  for (const [k, make] of Object.entries(cases)) {
    it(k, () => expect(make().repr()).toBe(g.reprs[k]));
  }
});

describe('Sequential indexing', () => {
  const seq = () => new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2), new Tanh());
  it('index, negative index, slices, len', () => {
    const s = seq();
    expect(s.at(0).repr()).toBe(g.indexing['seq[0]']);
    expect(s.at(-1).repr()).toBe(g.indexing['seq[-1]']);
    expect(s.slice({ start: 1, stop: 3, step: null }).repr()).toBe(g.indexing['seq[1:3]']);
    expect(s.slice({ start: null, stop: null, step: 2 }).repr()).toBe(g.indexing['seq[::2]']);
    expect(s.length()).toBe(g.indexing.len);
    expect(() => s.at(4)).toThrow('index 4 is out of range');
    expect([...s].map((m) => m.typeName)).toEqual(['Linear', 'ReLU', 'Linear', 'Tanh']);
  });
  it('ModuleList slicing, negative index, insert', () => {
    const ml = new ModuleList([new Linear(4, 3), new ReLU(), new Linear(3, 2)]);
    expect(ml.slice({ start: 1, stop: null, step: null }).repr()).toBe(g.indexing['modulelist[1:]']);
    expect(ml.at(-1).repr()).toBe(g.indexing['modulelist[-1]']);
    ml.insert(1, new Tanh());
    expect(ml.repr()).toBe(g.indexing['modulelist.insert']);
  });
  it('del renumbers', () => {
    const s = seq();
    s.delItem(1);
    expect([...s._modules.keys()]).toEqual(['0', '1', '2']);
    expect(s.at(1).typeName).toBe('Linear');
  });
});

describe('registration and traversal', () => {
  it('named_parameters, state_dict, children, modules, buffers in PyTorch order', () => {
    const o = outer();
    const st = g.structure;
    expect(o.namedParameters().map(([n, p]) => [n, p.shape])).toEqual(st.named_parameters);
    expect([...o.stateDict()].map(([n, p]) => [n, p.shape])).toEqual(st.state_dict);
    expect(o.namedChildren().map(([n, m]) => [n, m.typeName])).toEqual(st.named_children);
    expect(o.modules().map((m) => m.typeName)).toEqual(st.modules);
    expect(o.namedModules().map(([n]) => n)).toEqual(st.named_modules);
    expect(o.namedBuffers().map(([n]) => n)).toEqual(st.named_buffers);
    expect(o.parameters().every((p) => isParameter(p) && p.requiresGrad)).toBe(true);
  });
  it('setAttr routes like __setattr__ and getAttr raises AttributeError', () => {
    const m = new Linear(4, 3);
    expect(() => m.getAttr('nope')).toThrow(g.errors.getattr[1]);
    try { m.getAttr('nope'); } catch (e: any) { expect(e.pyType).toBe('AttributeError'); }
    expect(() => m.setAttr('weight', fromValues([1], [1]))).toThrow("cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)");
    m.setAttr('bias', null);
    expect(m.repr()).toBe('Linear(in_features=4, out_features=3, bias=False)');
    const parent = new Module('Net');
    parent.setAttr('fc', m);
    parent.setAttr('lr', 0.1);
    expect(parent.getAttr('lr')).toBe(0.1);
    expect(parent.children()).toEqual([m]);
    parent.setAttr('fc', null);
    expect(parent.children()).toEqual([]);
    expect(() => parent.setAttr('fc', 3)).toThrow("cannot assign 'int' as child module 'fc' (torch.nn.Module or None expected)");
  });
  it('shared modules and parameters are reported once', () => {
    const l = new Linear(2, 2);
    const s = new Sequential(l, new ReLU(), l);
    expect(s.parameters().length).toBe(2);
    expect(s.modules().length).toBe(3);
  });
  it('train/eval propagate; zero_grad sets None', () => {
    const o = outer();
    o.eval();
    expect(o.modules().every((m) => !m.training)).toBe(true);
    o.train();
    expect(o.modules().every((m) => m.training)).toBe(true);
    const p = o.parameters()[0];
    p.grad = fromValues([1, 2], [2]);
    o.zeroGrad();
    expect(p.grad).toBeNull();
  });
  it('forward of a bare Module raises NotImplementedError', async () => {
    await expect(new Module('Net').call(1)).rejects.toThrow('Module [Net] is missing the required "forward" function');
  });
  it('an async forward is awaited through Sequential', async () => {
    const m = new Module('Py');
    m.forward = async (x: unknown) => (x as number) + 1;
    const s = new Sequential(new Identity(), m, new Identity(), m);
    expect(await s.call(1)).toBe(3);
    expect(() => s.callSync(1)).toThrow('asynchronous');
  });
});

describe('load_state_dict', () => {
  const zeros = (shape: number[]) => fromValues(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);
  const errOf = (f: () => unknown) => { try { f(); } catch (e: any) { return [e.pyType, e.message]; } return null; };
  it('copies values and reports keys', () => {
    const a = new Linear(4, 3);
    const b = new Linear(4, 3);
    expect(incompatibleKeysRepr(b.loadStateDict(a.stateDict()))).toBe(g.errors.strict_ok_result);
    expect(values(b.weight)).toEqual(values(a.weight));
    expect(b.weight.version).toBeGreaterThan(0);
    expect(incompatibleKeysRepr(new Linear(4, 3).loadStateDict(new Map([['weight', zeros([3, 4])]]), false))).toBe(g.errors.nonstrict_result);
  });
  it('strict errors read like PyTorch', () => {
    expect(errOf(() => new Linear(4, 3).loadStateDict(new Map([['weight', zeros([3, 4])], ['bias', zeros([3])], ['extra', zeros([1])]])))).toEqual(g.errors.unexpected);
    expect(errOf(() => new Linear(4, 3).loadStateDict(new Map([['weight', zeros([3, 4])]])))).toEqual(g.errors.missing);
    expect(errOf(() => outer().loadStateDict(new Map([['scale', zeros([2])]])))).toEqual(g.errors.missing_many);
    expect(errOf(() => new Linear(4, 3).loadStateDict(new Map([['weight', zeros([3, 5])], ['bias', zeros([3])]])))).toEqual(g.errors.size_mismatch);
  });
});

describe('Linear init is bit-exact', () => {
  it('a sequence of layers after manual_seed(0)', () => {
    defaultGenerator.manualSeed(0);
    const l1 = new Linear(5, 3);
    const l2 = new Linear(3, 2, { bias: false });
    const l3 = new Linear(2, 7);
    const got = [l1.weight, l1.bias!, l2.weight, l3.weight, l3.bias!].map((t) => ({ shape: t.shape, values: values(t) }));
    expect(got).toEqual(g.linear_init.seed0_5_3_then_3_2_nobias_then_2_7.map((e: any) => ({ shape: e.shape, values: e.values })));
  });
  it('the tutorial MLP after manual_seed(7) (sha256 of the raw float32 bytes)', () => {
    defaultGenerator.manualSeed(7);
    const m = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10));
    const got = m.namedParameters().map(([n, p]) => {
      const raw = new Float32Array(values(p));
      return [n, p.shape, createHash('sha256').update(Buffer.from(raw.buffer)).digest('hex')];
    });
    expect(got).toEqual(g.linear_init.seed7_mlp_sha256);
  });
});

describe('Module.apply', () => {
  it('visits children before parents, depth first (PyTorch post-order)', () => {
    const inner = new Sequential(new ReLU(), new Tanh());
    const root = new Sequential(inner, new Sigmoid());
    const seen: string[] = [];
    root.apply((m) => { seen.push(m.typeName); });
    expect(seen).toEqual(['ReLU', 'Tanh', 'Sequential', 'Sigmoid', 'Sequential']);
  });
});

describe('the training flag as an attribute', () => {
  it('getAttr/setAttr("training") mirror the field', () => {
    const m = new Dropout(0.5);
    expect(m.getAttr('training')).toBe(true);
    m.setAttr('training', false);
    expect(m.training).toBe(false);
    expect(m.hasAttr('training')).toBe(true);
  });
});

describe('reprAsync', () => {
  it('awaits a Python-style async extra_repr anywhere in the tree', async () => {
    const inner = new Module('Net');
    inner.extraReprAsync = async () => 'custom=1';
    inner.setAttr('fc', new Linear(3, 2));
    const outer = new ModuleList([inner, new ReLU()]);
    expect(await outer.reprAsync()).toBe('ModuleList(\n  (0): Net(\n    custom=1\n    (fc): Linear(in_features=3, out_features=2, bias=True)\n  )\n  (1): ReLU()\n)');
    expect(await outer.reprAsync()).not.toBe(outer.repr());
  });
});
