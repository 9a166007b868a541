// torch.set_printoptions: one global set, as in PyTorch (torch/_tensor_str.py
// is the specification this directory follows).

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  /** null: chosen per tensor by the formatter. */
  sciMode: boolean | null;
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = {
  precision: 4,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 80,
  sciMode: null,
};

export const printOptions: PrintOptions = { ...DEFAULT_PRINT_OPTIONS };

export type PrintProfile = 'default' | 'short' | 'full';

/** torch.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode).
 *  Like PyTorch, sci_mode is reset to null unless given. */
export function setPrintOptions(o: Partial<PrintOptions> & { profile?: PrintProfile }): void {
  switch (o.profile) {
    case 'default':
      Object.assign(printOptions, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
      break;
    case 'short':
      Object.assign(printOptions, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
      break;
    case 'full':
      Object.assign(printOptions, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
      break;
    case undefined:
      break;
  }
  if (o.precision !== undefined) printOptions.precision = o.precision;
  if (o.threshold !== undefined) printOptions.threshold = o.threshold;
  if (o.edgeitems !== undefined) printOptions.edgeitems = o.edgeitems;
  if (o.linewidth !== undefined) printOptions.linewidth = o.linewidth;
  printOptions.sciMode = o.sciMode ?? null;
}

export function getPrintOptions(): PrintOptions {
  return { ...printOptions };
}
