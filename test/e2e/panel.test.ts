// The visualizer panel end to end in code-server (issues 6 and 7, "How it is
// checked"): the seed's computation graph reads mul -> sum -> add -> sigmoid
// with shapes; after the learner gives the weights requires_grad=True and adds
// y.backward(), the Gradients view shows PyTorch's grads on the weights; the
// panel comes back with its view after a window reload; Run File on GPU shows
// CPU results with a plain fallback notice (headless Chromium has no WebGPU);
// the MNIST training example fills the Training view. Expected grads come from
// real PyTorch: fixtures/seed_grads.py writes fixtures/seed_grads.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ID, startWorkbench, type Workbench } from './harness';

const grads = JSON.parse(readFileSync(join(__dirname, 'fixtures/seed_grads.json'), 'utf8')) as {
  weights_grad_max_abs: number;
};
const seed = readFileSync(join(__dirname, '../../examples/seed.py'), 'utf8').split('\n');
const lineOf = (text: string): number => seed.findIndex((l) => l.startsWith(text)) + 1;
const WEIGHTS = lineOf('weights = torch.randn_like(features)');
const NEURON = lineOf('y = activation(torch.sum(');
const DEBOUNCE_MS = 300;

/** The panel's number format (webview/format.ts fmt) for numbers in [1e-3, 1e4). */
const fmt4 = (x: number): string => String(Number(x.toFixed(4)));

let wb: Workbench;
const panel = () => wb.page.frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`).frameLocator('iframe#active-frame');
const log = (): string => wb.readOutputChannel('Tensor Lens');

interface DrawnNode { id: string; kind: string; label: string; detail: string; sub: string; preview: string }
interface Drawn { nodes: DrawnNode[]; edges: { id: string; width: number }[]; note: string }

/** What a graph-like view (graph or gradients) has drawn, read from its SVG. */
async function drawn(view: 'graph' | 'gradients'): Promise<Drawn> {
  return panel().locator(`.tl-view[data-view="${view}"]`).evaluate((el) => ({
    nodes: [...el.querySelectorAll('g.node')].map((g) => ({
      id: g.getAttribute('data-id') ?? '',
      kind: g.getAttribute('data-kind') ?? '',
      label: g.querySelector('text.label')?.textContent ?? '',
      detail: g.querySelector('text.detail')?.textContent ?? '',
      sub: g.querySelector('text.sub')?.textContent ?? '',
      preview: g.querySelector('g.preview text')?.textContent ?? '',
    })),
    edges: [...el.querySelectorAll('path.edge')].map((p) => ({
      id: p.getAttribute('data-id') ?? '',
      width: Number(p.getAttribute('stroke-width')),
    })),
    note: el.querySelector('p.tl-note')?.textContent ?? '',
  }));
}

/** Follows the drawn edges from `from` to the one successor whose label matches. */
function next(d: Drawn, from: DrawnNode, label: RegExp): DrawnNode | undefined {
  const outs = d.edges.filter((e) => e.id.startsWith(`${from.id}->`)).map((e) => e.id.slice(from.id.length + 2));
  return d.nodes.find((n) => outs.includes(n.id) && label.test(n.label));
}

/** The chain the seed's first neuron draws, starting at the mul fed by features and weights. */
function neuronChain(d: Drawn): { mul?: DrawnNode; sum?: DrawnNode; add?: DrawnNode; act?: DrawnNode } {
  const weights = d.nodes.find((n) => n.label === 'weights');
  const mul = weights && next(d, weights, /^mul$/);
  const sum = mul && next(d, mul, /^sum$/);
  const add = sum && next(d, sum, /^add$/);
  const act = add && next(d, add, /activation/);
  return { mul, sum, add, act };
}

async function selectTab(view: string): Promise<void> {
  await panel().locator(`vscode-panel-tab#tab-${view}`).click();
  await expect.poll(() => panel().locator(`vscode-panel-tab#tab-${view}`).getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
}

/** Clicks into the first (left) editor group's text editor, so that commands and quick open act there. */
async function focusEditor(): Promise<void> {
  // Near the top left of the text: the middle of a narrow editor can lie under its scrollbar.
  await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 40, y: 8 } });
}

/** Closes the bottom panel (Run File opens the Output there), so the visualizer has the height it gets by default. */
async function hideBottomPanel(): Promise<void> {
  const part = wb.page.locator('.part.panel.bottom');
  if (!(await part.isVisible())) return;
  await focusEditor();
  await wb.page.keyboard.press('Control+J');
  await part.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Buttons of the panel that lie over the text of its status line: each line box of the
 *  text (a Range's client rects) against each button's box. */
async function coveredStatusText(): Promise<string[]> {
  return panel().locator('body').evaluate((body) => {
    const status = body.querySelector('.tl-header .tl-status');
    if (!status) return ['no status line'];
    const range = document.createRange();
    range.selectNodeContents(status);
    const lines = [...range.getClientRects()];
    const hits: string[] = [];
    for (const b of body.querySelectorAll('vscode-button, button')) {
      const r = b.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      for (const l of lines) {
        if (l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom) {
          hits.push(`"${(b.textContent ?? '').trim()}" covers the status text at x=${Math.round(l.left)}..${Math.round(l.right)} y=${Math.round(l.top)}`);
          break;
        }
      }
    }
    return hits;
  });
}

beforeAll(async () => {
  wb = await startWorkbench({
    files: ['examples/seed.py', 'examples/mnist_training.py'],
    open: 'seed.py',
    settings: { 'tensorLens.debounceMs': DEBOUNCE_MS },
  });
  await wb.waitForStatus(/Tensor Lens: done in \d+ ms/, 60_000);
});

afterAll(async () => {
  await wb?.stop();
});

describe('the visualizer panel on examples/seed.py', () => {
  test('Show Computation Graph draws features, weights -> mul -> sum -> add -> activation (sigmoid), with shapes', async () => {
    await wb.runCommand('Tensor Lens: Show Computation Graph');
    await panel().locator('.tl-view[data-view="graph"] g.node').first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => neuronChain(await drawn('graph')).act?.label ?? '', { timeout: 20_000 }).toMatch(/activation/);
    const d = await drawn('graph');
    const { mul, sum, add, act } = neuronChain(d);
    const features = d.nodes.find((n) => n.label === 'features' && n.detail.startsWith('[1, 5]'));
    expect(features, 'a features [1, 5] node').toBeDefined();
    expect(d.edges.some((e) => e.id === `${features!.id}->${mul!.id}`), 'features feeds the mul').toBe(true);
    expect(d.nodes.find((n) => n.label === 'weights')!.detail).toMatch(/^\[1, 5\]/);
    expect(mul!.detail).toBe('[1, 5]');
    expect(sum!.detail).toBe('[] scalar');
    expect(add!.detail).toBe('[1, 1]');
    expect(act!.kind).toBe('group');
    expect(act!.detail).toBe('[1, 1]');
    expect(act!.sub).toBe('= sigmoid');
    // The bias feeds the add.
    const bias = d.nodes.find((n) => n.label === 'bias');
    expect(bias?.detail).toBe('[1, 1]');
    expect(d.edges.some((e) => e.id === `${bias!.id}->${add!.id}`)).toBe(true);
    expect(d.note).toMatch(/\d+ nodes, \d+ edges/);
    await wb.screenshot('panel-graph-seed');
    // Fit shows the whole graph, the first neuron's sigmoid included.
    await panel().locator('.tl-view[data-view="graph"] .tl-toolbar').getByText('Fit', { exact: true }).click();
    await wb.page.waitForTimeout(500);
    const inside = await panel().locator('.tl-view[data-view="graph"]').evaluate((el, id) => {
      const svg = el.querySelector('svg.tl-canvas')!.getBoundingClientRect();
      const node = el.querySelector(`g.node[data-id="${id}"]`)!.getBoundingClientRect();
      return node.left >= svg.left - 1 && node.right <= svg.right + 1 && node.top >= svg.top - 1 && node.bottom <= svg.bottom + 1;
    }, act!.id);
    expect(inside, 'after Fit the activation node is inside the canvas').toBe(true);
    await wb.screenshot('panel-graph-seed-fit');
  });

  test('requires_grad weights and y.backward() put PyTorch\'s grads on the weights in the Gradients view', async () => {
    await focusEditor();
    // weights = torch.randn_like(features, requires_grad=True)
    const col = seed[WEIGHTS - 1].indexOf('features)') + 'features'.length + 1;
    await wb.goTo(WEIGHTS, col);
    await wb.page.keyboard.type(', requires_grad=True', { delay: 10 });
    await expect.poll(() => wb.lineText(WEIGHTS), { timeout: 5000 }).toContain('torch.randn_like(features, requires_grad=True)');
    await wb.typeLineAfter(NEURON, 'y.backward()');
    await expect.poll(() => wb.lineText(NEURON + 1), { timeout: 5000 }).toBe('y.backward()');
    await wb.page.waitForTimeout(DEBOUNCE_MS + 300);
    await wb.waitForStatus(/Tensor Lens: done in \d+ ms/, 30_000);

    // The live run updates the open panel; the Gradients tab shows backward() #...
    await selectTab('gradients');
    const expected = `∇ |max| ${fmt4(grads.weights_grad_max_abs)}`;
    await expect.poll(async () => (await drawn('gradients')).nodes.find((n) => n.label === 'weights')?.preview ?? '', { timeout: 30_000 }).toBe(expected);
    const d = await drawn('gradients');
    expect(d.note).toMatch(/^Gradients of backward\(\) #\d+ \(line \d+/);
    const weights = d.nodes.find((n) => n.label === 'weights')!;
    expect(weights.detail).toBe('[1, 5] · grad');
    // The edge the weights' grad flows along is drawn wider than a plain edge (1.3).
    const { mul } = neuronChain(d);
    const edge = d.edges.find((e) => e.id === `${weights.id}->${mul!.id}`);
    expect(edge?.width).toBeGreaterThan(1.3);
    // Features have no requires_grad: no grad on them.
    const features = d.nodes.find((n) => n.label === 'features' && n.detail.startsWith('[1, 5]'))!;
    expect(features.preview.startsWith('∇')).toBe(false);
    await wb.page.waitForTimeout(2500); // the backward animation ends
    await wb.screenshot('panel-gradients-seed');
  });

  test('only edges that backward() went through are drawn as gradient flow', async () => {
    // weights.view(5, 1) on the line after y.backward() is not part of that
    // backward: its edge from the weights must look like a plain edge (1.3),
    // not like the weights' gradient flowing into it.
    const d = await drawn('gradients');
    const weights = d.nodes.find((n) => n.label === 'weights')!;
    const view = d.nodes.find((n) => n.label === 'view' && d.edges.some((e) => e.id === `${weights.id}->${n.id}`));
    expect(view, 'the weights feed a view node (line 24)').toBeDefined();
    expect(view!.preview.startsWith('∇'), 'the view node has no grad in backward #1').toBe(false);
    expect(d.edges.find((e) => e.id === `${weights.id}->${view!.id}`)!.width).toBe(1.3);
  });

  test('the panel comes back with its view after a window reload', async () => {
    await focusEditor();
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tab.dirty').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
    // Reload the way a user does (Developer: Reload Window): the workbench's
    // shutdown lifecycle stores the webview's state first. A bare page reload
    // can cut that short, and then the panel comes back in its default view.
    const loaded = wb.page.waitForEvent('domcontentloaded', { timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await loaded;
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.py' }).first().waitFor({ timeout: 90_000 });
    // The serializer restores the panel; its state (getState) chooses the Gradients tab.
    await expect.poll(() => panel().locator('vscode-panel-tab#tab-gradients').getAttribute('aria-selected'), { timeout: 60_000 }).toBe('true');
    const expected = `∇ |max| ${fmt4(grads.weights_grad_max_abs)}`;
    await expect.poll(async () => (await drawn('gradients')).nodes.find((n) => n.label === 'weights')?.preview ?? '', { timeout: 30_000 }).toBe(expected);
    await wb.page.waitForTimeout(2500);
    await wb.screenshot('panel-after-reload');
  });

  test('Run File on GPU shows CPU results in the panel and says plainly that WebGPU is missing', async () => {
    await wb.openFile('seed.py');
    await focusEditor();
    const before = log().length;
    await wb.runCommand('Tensor Lens: Run File on GPU');
    await expect.poll(() => log().slice(before), { timeout: 30_000 }).toMatch(/seed\.py: GPU run on cpu \(/);
    const header = panel().locator('.tl-header .tl-status');
    await expect.poll(() => header.innerText(), { timeout: 20_000 }).toMatch(/seed\.py · CPU · \d+ ms/);
    const text = await header.innerText();
    expect(text).toMatch(/WebGPU/);
    expect(text).toMatch(/running on the CPU backend instead/);
    await wb.waitForStatus(/CPU/, 10_000);
    await selectTab('graph');
    await expect.poll(async () => neuronChain(await drawn('graph')).act?.sub ?? '', { timeout: 20_000 }).toBe('= sigmoid');
    await wb.page.waitForTimeout(500);
    await wb.screenshot('panel-gpu-fallback');
    // Plainly: no other control covers any line of the notice (checked last, so
    // that the results above are checked whatever happens here).
    expect(await coveredStatusText()).toEqual([]);
  });
});

describe('the visualizer panel on examples/mnist_training.py', () => {
  test('Run File fills the Training view: a loss curve over every optimizer step and a step slider', async () => {
    await hideBottomPanel();
    await focusEditor(); // quick open then opens the file in the editor group, not beside the panel
    await wb.openFile('mnist_training.py');
    await expect.poll(async () => ((await wb.page.locator('.editor-group-container.active .tab.active').first().textContent()) ?? '').replace(/\s+/g, ''), { timeout: 10_000 }).toContain('mnist_training.py');
    const before = log().length;
    await wb.runCommand('Tensor Lens: Run File');
    await expect.poll(() => log().slice(before), { timeout: 120_000 }).toMatch(/mnist_training\.py: done in \d+ ms/);
    await selectTab('training');
    const view = panel().locator('.tl-view[data-view="training"]');
    const steps = 3 * 15; // epochs x batches_per_epoch in the example
    const slider = view.locator('input[type="range"][aria-label="training step"]');
    await expect.poll(() => slider.getAttribute('max'), { timeout: 30_000 }).toBe(String(steps - 1));
    expect(await view.locator('.tl-slider').isVisible()).toBe(true);
    // One vertex per step on the loss path ("M" then "L" per further step).
    const d = (await view.locator('path.loss').getAttribute('d')) ?? '';
    expect(d.split(/[ML]/).filter(Boolean).length).toBe(steps);
    expect(await view.locator('g.marker text').textContent()).toMatch(new RegExp(`^step ${steps}: loss \\d`)); // steps count from 1
    // Gradient flow names the parameters of the three linear layers.
    const names = await view.locator('g.gradflow text.name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['0.weight', '0.bias', '2.weight', '4.weight']));
    await hideBottomPanel();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('panel-training-mnist');
    // Scrubbing to the first step moves the marker there.
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = '0';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => view.locator('g.marker text').textContent(), { timeout: 10_000 }).toMatch(/^step 1: loss \d/);
    await wb.screenshot('panel-training-mnist-step0');
  });

  test('backend auto sizes Run File by the last run: the MNIST step stays on the CPU, and the output says why', async () => {
    // The run above traced 45 steps of the 784-128-64-10 MLP at batch 64:
    // 3 x 2 x 64 x (784x128 + 128x64 + 64x10) = 41,926,656 FLOP per step.
    const before = log().length;
    await wb.runCommand('Tensor Lens: Run File');
    await expect.poll(() => log().slice(before), { timeout: 120_000 }).toMatch(/mnist_training\.py: done in \d+ ms/);
    expect(log().slice(before)).toContain('mnist_training.py: auto: CPU backend, as a training step does 42 MFLOP of matrix products, under the 0.5 GFLOP from which a GPU step beats the CPU backend');
  });

  test('after a host Run File the panel header no longer shows the earlier GPU run\'s fallback notice', async () => {
    // The trace shown now ran in the extension host's CPU worker (Run File), not
    // in the panel: a notice about the panel's WebGPU would describe another run.
    const header = panel().locator('.tl-header .tl-status');
    await expect.poll(() => header.innerText(), { timeout: 10_000 }).toMatch(/^mnist_training\.py · CPU · \d+ ms/);
    expect(await header.innerText()).not.toMatch(/WebGPU/);
  });
});
