// The packaged extension installs into a real VS Code, activates on a Python
// file and puts its commands in the palette under the "Tensor Lens" category.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkbench, type Workbench } from './harness';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench({ files: ['examples/seed.py'], open: 'seed.py' });
});

afterAll(async () => {
  await wb?.stop();
});

test('activates on a .py file and lists its commands in the palette', async () => {
  // Activation is on Python files: the commands register only once seed.py is open.
  await expect.poll(() => wb.paletteRows('Tensor Lens:'), { timeout: 30_000, interval: 1000 }).toContain('Tensor Lens: Run File');
  const rows = await wb.paletteRows('Tensor Lens:');
  for (const title of ['Run File', 'Run File on GPU', 'Show Visualizer', 'Show Computation Graph', 'Inspect Tensor at Cursor', 'Toggle Live Mode', 'Stop Run', 'Export View']) {
    expect(rows).toContain(`Tensor Lens: ${title}`);
  }
  await wb.page.keyboard.press('F1');
  await wb.page.locator('.quick-input-widget input').fill('>Tensor Lens:');
  await wb.page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
  const shot = await wb.screenshot('palette');
  await wb.page.keyboard.press('Escape');
  expect(shot).toMatch(/palette\.png$/);
});
