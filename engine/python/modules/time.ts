// time: wall-clock reads only (sleep returns at once: the sandbox does not wait).
import { PyBuiltin } from '../runtime/objects';
import { makeModule, registerModule } from './registry';

const now = (): number => (typeof performance !== 'undefined' ? performance.timeOrigin + performance.now() : Date.now()) / 1000;
const mono = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now()) / 1000;

registerModule('time', () => makeModule('time', {
  time: new PyBuiltin('time', () => now()),
  perf_counter: new PyBuiltin('perf_counter', () => mono()),
  monotonic: new PyBuiltin('monotonic', () => mono()),
  process_time: new PyBuiltin('process_time', () => mono()),
  time_ns: new PyBuiltin('time_ns', () => BigInt(Math.round(now() * 1e9))),
  perf_counter_ns: new PyBuiltin('perf_counter_ns', () => BigInt(Math.round(mono() * 1e9))),
  sleep: new PyBuiltin('sleep', () => null),
}));
