// torch.no_grad / enable_grad / set_grad_enabled: context managers that are
// also decorators (`@torch.no_grad()` on a function).
import { PyBuiltin, PyClass, PyInstance, builtinClasses, type PyValue } from '../../runtime/objects';
import { defMethod } from './define';
import { toBool } from './convert';
import * as E from './engine-ops';

function gradModeClass(name: string, mode: (self: PyInstance) => boolean): PyClass {
  const c = new PyClass(name, [builtinClasses.object]);
  c.module = 'torch.autograd.grad_mode';
  defMethod(c, '__enter__', (self) => {
    const o = self as PyInstance;
    o.dict.set('_prev', E.isGradEnabled());
    E.setGradEnabled(mode(o));
    return null;
  });
  defMethod(c, '__exit__', (self) => {
    const prev = (self as PyInstance).dict.get('_prev');
    E.setGradEnabled(prev === undefined ? true : prev === true);
    return false;
  });
  defMethod(c, '__call__', (self, [fn]) => new PyBuiltin(fnName(fn), async (args, kwargs, ctx) => {
    const prev = E.isGradEnabled();
    E.setGradEnabled(mode(self as PyInstance));
    try {
      return await ctx.call(fn, args, kwargs);
    } finally {
      E.setGradEnabled(prev);
    }
  }));
  return c;
}

function fnName(fn: PyValue): string {
  return typeof fn === 'object' && fn !== null && 'name' in fn && typeof (fn as { name: unknown }).name === 'string'
    ? (fn as { name: string }).name : 'decorated';
}

export const noGradClass = gradModeClass('no_grad', () => false);
export const enableGradClass = gradModeClass('enable_grad', () => true);
export const setGradEnabledClass = gradModeClass('set_grad_enabled', (self) => self.dict.get('mode') !== false);
defMethod(setGradEnabledClass, '__init__', (self, [mode]) => {
  const o = self as PyInstance;
  const m = toBool(mode ?? true, 'mode');
  o.dict.set('mode', m);
  // set_grad_enabled(False) also works as a plain function call.
  E.setGradEnabled(m);
  return null;
});
