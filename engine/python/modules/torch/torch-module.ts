// `import torch`: the module object with its functions, classes, dtypes and
// submodules (nn, optim, utils.data are attached by their own files).
import { PyModule } from '../../runtime/objects';
import {
  DTYPE_NAMES, dtypeClass, legacyClasses, parameterClass, pyDtype, sizeClass, tensorClass,
} from './classes';
import { deviceClass } from './tensor-methods';
import { enableGradClass, noGradClass, setGradEnabledClass } from './grad-mode';
import { torchFunctions } from './functions';
import './size';
import './tensor-arith';
import './tensor-print';

export function createTorchModule(): PyModule {
  const m = new PyModule('torch');
  for (const [k, v] of torchFunctions()) m.dict.set(k, v);
  m.dict.set('Tensor', tensorClass);
  m.dict.set('Size', sizeClass);
  m.dict.set('dtype', dtypeClass);
  m.dict.set('device', deviceClass);
  for (const [name, d] of Object.entries(DTYPE_NAMES)) m.dict.set(name, pyDtype(d));
  for (const [name, c] of legacyClasses) m.dict.set(name, c);
  m.dict.set('no_grad', noGradClass);
  m.dict.set('enable_grad', enableGradClass);
  m.dict.set('set_grad_enabled', setGradEnabledClass);
  m.dict.set('__version__', '2.13.0+cpu');
  void parameterClass;
  return m;
}
