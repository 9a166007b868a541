// Live mode in a Jupyter notebook: the code cells run in order as one
// program; hints, hovers and diagnostics land in the cell they belong to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkbench, type Workbench } from './harness';

const golden = JSON.parse(readFileSync(join(__dirname, 'golden/seed_values.json'), 'utf8')) as Record<string, string>;
let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench({ files: ['test/e2e/fixtures/seed_cells.ipynb'] });
  await wb.openFile('seed_cells.ipynb', '.code-cell-row');
});

afterAll(async () => {
  await wb?.stop();
});

test('cells run in order: hint and hover in cell 2, the mm error in cell 3', async () => {
  const cells = wb.page.locator('.code-cell-row');
  await expect.poll(() => cells.count(), { timeout: 20_000 }).toBe(3);
  const cell2 = cells.nth(1);
  const cell3 = cells.nth(2);
  await expect.poll(async () => (await cell2.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toMatch(/features: \[1, 5\] = torch\.randn/);
  await cell3.locator('.squiggly-error').first().waitFor({ timeout: 15_000 });

  await cell2.locator('.view-line span', { hasText: /^features$/ }).first().hover();
  // Every cell editor has its own hover widget: read the visible one.
  const hover = wb.page.locator('.monaco-hover .monaco-hover-content:visible').first();
  await hover.waitFor({ state: 'visible', timeout: 5000 });
  const text = await hover.innerText();
  expect(text).toContain('torch.Size([1, 5])');
  expect(text).toContain(golden.features);
  await wb.screenshot('notebook-hover-dark');
  await wb.page.mouse.move(0, 0);

  await cell3.locator('.view-line span', { hasText: 'mm' }).first().hover();
  await hover.waitFor({ state: 'visible', timeout: 5000 });
  expect(await hover.innerText()).toContain(`RuntimeError: ${golden.mm_error}`);
  await wb.screenshot('notebook-diagnostic-dark');
});
