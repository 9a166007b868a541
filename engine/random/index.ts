export { MT19937 } from './mt19937';
export { Generator, defaultGenerator, DEFAULT_SEED } from './generator';
export type { GeneratorState } from './generator';
export { fillNormal, nextNormal64 } from './normal';
export type { FloatArray, NormalOptions } from './normal';
export { fillUniform } from './uniform';
export { randomInt, fillRandint, randomFull, randomInt64, randperm } from './integer';
export type { RandomDType } from './integer';
export { fmaf, fma64 } from './fma';
