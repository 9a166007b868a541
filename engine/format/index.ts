export { formatTensor, tensorBodyStr } from './tensor';
export type { TensorPrintInput } from './tensor';
export { formatSize, formatShapeTuple, formatDType } from './size';
export { formatPyFloat, formatFixed, formatExp } from './py-float';
export { printOptions, setPrintOptions, getPrintOptions, DEFAULT_PRINT_OPTIONS } from './options';
export type { PrintOptions, PrintProfile } from './options';
export { Formatter } from './formatter';
