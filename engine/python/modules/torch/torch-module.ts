// `import torch` and its submodules: torch.nn (+ functional, init),
// torch.optim, torch.utils.data. Each interpreter gets fresh module objects;
// the classes inside are shared (they hold no per-run state).
import { PyModule, type PyValue } from '../../runtime/objects';
import {
  DTYPE_NAMES, dtypeClass, legacyClasses, pyDtype, sizeClass, tensorClass,
} from './classes';
import { deviceClass } from './tensor-methods';
import { enableGradClass, noGradClass, setGradEnabledClass } from './grad-mode';
import { torchFunctions } from './functions';
import { nnLayers } from './nn-layers';
import { functionalModule, initModule } from './nn-functional';
import { optimModule } from './optim';
import { lrSchedulerModule } from './lr-scheduler';
import { dataModule } from './data';
import './size';
import './deep-copy';
import './tensor-arith';
import './tensor-print';
import './tensor-index';
import { cudaModule, saveLoad } from './extras';
import { DEFAULT_PRINT_OPTIONS, setPrintOptions } from '../../../format/options';
import { generatorClass, generatorObject } from './random-generator';

function moduleOf(name: string, members: Map<string, PyValue>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of members) m.dict.set(k, v);
  return m;
}

export interface TorchModules {
  torch: PyModule;
  nn: PyModule;
  functional: PyModule;
  init: PyModule;
  optim: PyModule;
  utils: PyModule;
  data: PyModule;
}

/** Member tables hold stateless builtins and classes: built once, shared by
 *  every run (each run still gets its own module objects to mutate). */
const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};
const torchMembers = once(torchFunctions);
const nnMembers = once(nnLayers);
const functionalMembers = once(functionalModule);
const initMembers = once(initModule);
const optimMembers = once(optimModule);
const lrSchedulerMembers = once(lrSchedulerModule);
const dataMembers = once(dataModule);

export function createTorchModules(): TorchModules {
  // Print options are global in PyTorch; a run starts from the defaults.
  setPrintOptions({ ...DEFAULT_PRINT_OPTIONS });
  const torch = moduleOf('torch', torchMembers());
  const d = torch.dict;
  d.set('Tensor', tensorClass);
  d.set('Size', sizeClass);
  d.set('dtype', dtypeClass);
  d.set('device', deviceClass);
  for (const [name, dt] of Object.entries(DTYPE_NAMES)) d.set(name, pyDtype(dt));
  for (const [name, c] of legacyClasses) d.set(name, c);
  d.set('Generator', generatorClass);
  d.set('default_generator', generatorObject());
  d.set('no_grad', noGradClass);
  d.set('enable_grad', enableGradClass);
  d.set('set_grad_enabled', setGradEnabledClass);
  d.set('__version__', '2.13.0+cpu');
  d.set('cuda', cudaModule());
  const [save, load] = saveLoad();
  d.set('save', save);
  d.set('load', load);

  const functional = moduleOf('torch.nn.functional', functionalMembers());
  const init = moduleOf('torch.nn.init', initMembers());
  const nn = moduleOf('torch.nn', nnMembers());
  nn.dict.set('functional', functional);
  nn.dict.set('init', init);
  const optim = moduleOf('torch.optim', optimMembers());
  optim.dict.set('lr_scheduler', moduleOf('torch.optim.lr_scheduler', lrSchedulerMembers()));
  const data = moduleOf('torch.utils.data', dataMembers());
  const utils = moduleOf('torch.utils', new Map([['data', data]]));
  d.set('nn', nn);
  d.set('optim', optim);
  d.set('utils', utils);
  return { torch, nn, functional, init, optim, utils, data };
}

export function createTorchModule(): PyModule {
  return createTorchModules().torch;
}
