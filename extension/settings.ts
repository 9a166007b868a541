// The extension's settings (declared in package.json contributes.configuration),
// read in one place with their defaults.
import * as vscode from 'vscode';

export type BackendSetting = 'auto' | 'cpu' | 'webgpu';

export interface Settings {
  liveMode: boolean;
  debounceMs: number;
  /** Budget for live runs (on every edit). */
  timeBudgetMs: number;
  /** Budget for explicit runs (Run File), which may train for a while. */
  runTimeBudgetMs: number;
  memoryBudgetBytes: number;
  backend: BackendSetting;
  inlayHints: boolean;
  previewSize: number;
}

export const SECTION = 'tensorLens';

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    liveMode: c.get<boolean>('liveMode', true),
    debounceMs: clamp(c.get<number>('debounceMs', 300), 0, 10_000),
    timeBudgetMs: clamp(c.get<number>('timeBudgetMs', 3000), 100, 600_000),
    runTimeBudgetMs: clamp(c.get<number>('runTimeBudgetMs', 120_000), 100, 3_600_000),
    memoryBudgetBytes: clamp(c.get<number>('memoryBudgetMB', 512), 16, 16_384) * 2 ** 20,
    backend: c.get<BackendSetting>('backend', 'auto'),
    inlayHints: c.get<boolean>('inlayHints.enabled', true),
    previewSize: clamp(c.get<number>('previewSize', 16), 2, 64),
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}
