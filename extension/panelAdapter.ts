// Connects PanelPort to the visualizer panel (extension/panel, H7).
// PLACEHOLDER until extension/panel lands: says plainly that the panel is not
// available instead of pretending to show anything.
import * as vscode from 'vscode';
import type { PanelPort } from './panelPort';
import type { Results } from './results';

export function createPanelPort(_context: vscode.ExtensionContext, _results: Results, log: (line: string) => void): PanelPort {
  const missing = async (): Promise<void> => {
    log('the visualizer panel is not part of this build yet');
    void vscode.window.showInformationMessage('Tensor Lens: the visualizer panel is not part of this build yet.');
  };
  return {
    show: missing,
    showTensor: missing,
    postTrace: () => {},
    postCursor: () => {},
    runOnGpu: async () => {
      await missing();
      return null;
    },
    cancelGpuRun: () => {},
    exportView: async () => null,
  };
}
