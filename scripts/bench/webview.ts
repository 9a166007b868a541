// Frame times of the visualizer in headless Chromium (software rendering, the
// shared 2-core machine): pan/zoom on the graph and network views of a
// 784-256-10 MLP training step, and scrubbing a 938-step training timeline.
//
// Run:  npx esbuild scripts/bench/webview.ts --bundle --platform=node --format=cjs \
//         --packages=external --outfile=test-results/bench-webview.cjs && node test-results/bench-webview.cjs
//
// A frame is measured from the input event to the end of the next paint
// (rAF, then a task after it). Numbers are printed next to an empty frame
// measured the same way in the same page, as ratios, because the machine is
// shared and noisy.
import type { Page } from 'playwright-core';
import { TraceBuilder } from '../../test/webview/fixtures/build';
import { mlpTrace, MLP_SOURCE } from '../../test/webview/fixtures/mlp';
import { startHarness } from '../../test/webview/harness';

interface Stats { n: number; median: number; p95: number; max: number }

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

/** In the page: time from an action to the end of the frame that shows it. */
async function frames(page: Page, kind: 'empty' | 'wheel' | 'pan' | 'scrub', view: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ kind, view, count }) => {
      const afterPaint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const root = document.querySelector(`.tl-view[data-view="${view}"]`)!;
      const svg = root.querySelector('svg') as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const slider = root.querySelector('input[type=range]') as HTMLInputElement | null;
      const out: number[] = [];
      await afterPaint();
      if (kind === 'pan') svg.dispatchEvent(new MouseEvent('mousedown', { clientX: cx, clientY: cy, bubbles: true, view: window, button: 0 }));
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        if (kind === 'wheel') {
          svg.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 20 < 10 ? -40 : 40, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
        } else if (kind === 'pan') {
          window.dispatchEvent(new MouseEvent('mousemove', { clientX: cx + 3 * (i % 40) - 60, clientY: cy + (i % 7), bubbles: true, view: window }));
        } else if (kind === 'scrub' && slider) {
          slider.value = String(Math.round((i / count) * Number(slider.max)));
          slider.dispatchEvent(new Event('input'));
          await window.tensorLens!.idle();
        }
        await afterPaint();
        out.push(performance.now() - t0);
      }
      if (kind === 'pan') window.dispatchEvent(new MouseEvent('mouseup', { clientX: cx, clientY: cy, bubbles: true, view: window }));
      return out;
    },
    { kind, view, count },
  );
}

/** The recorder's node cap (400) reached by a deep unrolled network: 100 blocks of mm, add, relu and a weight. */
function capGraphTrace(): ReturnType<TraceBuilder['trace']> {
  const src = 'x = x\n';
  const b = new TraceBuilder(src);
  const at = { from: 0, to: 1, line: 1, col: 0, endLine: 1, endCol: 1 };
  let x = b.leaf('x', [64, 32], [0.1, -0.2]);
  for (let i = 0; i < 100; i++) {
    const w = b.leaf(`W${i}`, [32, 32], [0.3, -0.1], { param: true });
    const mm = b.op('mm', 'MmBackward0', [x, w], [64, 32], [0.5, 0.2], at);
    const add = b.op('add', 'AddBackward0', [mm], [64, 32], [0.5, 0.2], at);
    x = b.op('relu', 'ReluBackward0', [add], [64, 32], [0.5, 0], at);
  }
  return b.trace('deep.py');
}

/** In the page: post a trace (already copied into the page) and time until the view is drawn. */
async function firstRender(page: Page, trace: unknown, view: string): Promise<number> {
  await page.evaluate((t) => ((window as unknown as { benchTrace: unknown }).benchTrace = t), trace);
  return page.evaluate(async ({ source, view }) => {
    const t0 = performance.now();
    window.postMessage({ type: 'showView', view }, '*');
    window.postMessage({ type: 'trace', trace: (window as unknown as { benchTrace: unknown }).benchTrace, source, origin: 'run' }, '*');
    await new Promise((r) => setTimeout(r, 0));
    await window.tensorLens!.idle();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, { source: MLP_SOURCE, view });
}

async function main(): Promise<void> {
  const h = await startHarness();
  const p = await h.open('dark', { width: 1280, height: 820 });
  // As the recorder keeps it: 64-value previews on graph nodes.
  const trace = mlpTrace(938, 64);
  const firstGraph = await firstRender(p.page, trace, 'graph');
  const rows: [string, Stats][] = [];
  const base = stats(await frames(p.page, 'empty', 'graph', 60));
  rows.push(['empty frame (baseline)', base]);
  const nodeCount = await p.page.$$eval('.tl-view[data-view="graph"] g.node', (n) => n.length);
  rows.push([`graph (${nodeCount} nodes, folded): wheel zoom`, stats(await frames(p.page, 'wheel', 'graph', 120))]);
  rows.push([`graph (${nodeCount} nodes, folded): pan`, stats(await frames(p.page, 'pan', 'graph', 120))]);
  await p.page.click('vscode-button:has-text("Unfold all")');
  await p.idle();
  const unfolded = await p.page.$$eval('.tl-view[data-view="graph"] g.node', (n) => n.length);
  rows.push([`graph (${unfolded} nodes, unfolded): wheel zoom`, stats(await frames(p.page, 'wheel', 'graph', 120))]);
  // The network view at its heaviest: every weight recorded, 600 binned edges.
  const firstNetwork = await firstRender(p.page, mlpTrace(938, 1 << 20), 'network');
  const edges = await p.page.$$eval('.tl-view[data-view="network"] g.synapses line', (n) => n.length);
  rows.push([`network 784-256-10 (${edges} edges): wheel zoom`, stats(await frames(p.page, 'wheel', 'network', 120))]);
  rows.push([`network 784-256-10 (${edges} edges): pan`, stats(await frames(p.page, 'pan', 'network', 120))]);
  const firstTraining = await firstRender(p.page, trace, 'training');
  rows.push([`training ${trace.steps.length} steps: scrub slider`, stats(await frames(p.page, 'scrub', 'training', 150))]);
  const big = capGraphTrace();
  const firstBig = await firstRender(p.page, big, 'graph');
  rows.push([`graph (${big.graph.nodes.length} nodes, recorder cap): wheel zoom`, stats(await frames(p.page, 'wheel', 'graph', 120))]);
  rows.push([`graph (${big.graph.nodes.length} nodes, recorder cap): pan`, stats(await frames(p.page, 'pan', 'graph', 120))]);
  const fmt = (x: number): string => x.toFixed(1).padStart(7);
  console.log(`Chromium ${h.browser.version()} headless, software rendering; times in ms (input -> end of next paint)`);
  console.log(`first render: graph ${firstGraph.toFixed(0)} ms, network ${firstNetwork.toFixed(0)} ms, training ${firstTraining.toFixed(0)} ms, 400-node graph ${firstBig.toFixed(0)} ms (message received -> drawn, in the page)`);
  console.log(`${'case'.padEnd(48)}     n  median     p95     max  median/baseline`);
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(48)} ${String(s.n).padStart(5)} ${fmt(s.median)} ${fmt(s.p95)} ${fmt(s.max)}  ${(s.median / base.median).toFixed(2)}x`);
  }
  if (p.errors.length) console.log('page errors:', p.errors);
  await h.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
