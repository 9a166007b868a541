// The WebGPU benchmark in headless Chromium: the same workloads as
// scripts/bench/webgpu.ts (Node + Dawn), matmul 256 / 1024 / 2048 in GFLOP/s
// and the MNIST MLP 784-128-64-10 training step at batch 64 and 1024 in ms,
// on the panel's WebGPU backend beside the CPU backend in one page, because
// the webview runs programs on the browser's WebGPU, not on Dawn's.
// `npm run bench:webgpu` runs it after webgpu.ts; alone, `node scripts/bench.mjs
// webgpu-chromium`, or with flags, once bundled: `node out/bench/webgpu-chromium.js`
//   --full, --no-cpu, --sizes 256,1024 (as webgpu.ts), and
//   --try-hardware: step 1 below even without a GPU device node.
//
// The page (webgpu-page/entry.ts, bundled for the browser) is served from
// http://127.0.0.1 because navigator.gpu exists only in a secure context.
// Chromium picks its adapter from its flags, so this tries, in order:
//   1. only when a GPU device node exists (/dev/nvidia*, /dev/dri/renderD*):
//      ANGLE on Vulkan, the flags headless Chromium needs to reach a real GPU
//      on Linux; given up after PROBE_TIMEOUT_MS (with no GPU the GPU process
//      loops, see TESTING.md), or when it still yields a software adapter;
//   2. --enable-unsafe-webgpu alone: Chromium's own choice (SwiftShader here);
//   3. --use-webgpu-adapter=swiftshader, forcing the software adapter.
// No adapter at all is a one-line failure (exit 1), never a skip. On a
// software adapter the figures only prove the path runs, and like webgpu.ts
// it measures only matmul 256 and batch 64 unless --full is given.
//
// On the device machine (NVIDIA H100, no network, no Chromium installed) this
// needs a Chromium binary carried over with its libraries (Debian's
// /usr/lib/chromium/ and the shared libraries it links), pointed to by
// CHROMIUM=/path/to/chromium, and the NVIDIA Vulkan ICD there
// (/usr/share/vulkan/icd.d/nvidia_icd.json) for step 1 to find the GPU.
// Nothing carries it yet.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AdapterReport, ProbeReport } from './webgpu-page/entry';

const args = process.argv.slice(2);
const withCpu = !args.includes('--no-cpu');
const full = args.includes('--full');
const sizesArg = args[args.indexOf('--sizes') + 1];
const SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [256, 1024, 2048];
const BATCHES = [64, 1024];
const SOFTWARE_SIZES = [256];
const SOFTWARE_BATCHES = [64];
const PROBE_TIMEOUT_MS = 45_000;

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// From the bundle in out/bench/ or from source: the repository root is two levels up.
const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'scripts/bench/webgpu-page/entry.ts');
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

interface Attempt { name: string; flags: string[] }
const HARDWARE: Attempt = {
  name: 'hardware (ANGLE on Vulkan)',
  flags: ['--enable-unsafe-webgpu', '--use-angle=vulkan', '--enable-features=Vulkan', '--disable-vulkan-surface', '--ignore-gpu-blocklist'],
};
const DEFAULT: Attempt = { name: "Chromium's default adapter", flags: ['--enable-unsafe-webgpu'] };
const SWIFTSHADER: Attempt = { name: 'SwiftShader forced', flags: ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] };

function hasGpuDevice(): boolean {
  const dev = (dir: string, prefix: string): boolean => existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(prefix));
  return dev('/dev', 'nvidia') || dev('/dev/dri', 'renderD');
}

interface Row { name: string; unit: string; cpu: number | null; gpu: number | null; higherBetter: boolean }

function fmt(v: number | null): string {
  return v === null ? '-' : v.toFixed(v < 10 ? 2 : 1);
}

function printTable(heading: string, rows: Row[]): void {
  const head = ['workload', 'unit', 'cpu backend', 'webgpu', 'webgpu vs cpu'];
  const body = rows.map((r) => {
    const ratio = r.cpu !== null && r.gpu !== null ? (r.higherBetter ? r.gpu / r.cpu : r.cpu / r.gpu) : null;
    return [r.name, r.unit, fmt(r.cpu), fmt(r.gpu), ratio === null ? '-' : `${ratio.toFixed(2)}x`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(heading);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('(webgpu vs cpu: above 1x = WebGPU faster; one Chromium page, same run)');
}

function describe(a: AdapterReport): { name: string; software: boolean } {
  const name = [a.vendor, a.architecture, a.description || a.device].filter((s) => s).join(' / ') || 'unnamed adapter';
  return { name, software: a.fallback || /swiftshader|llvmpipe|lavapipe/i.test(name) };
}

/** Serves the page and its bundle on a free port of 127.0.0.1. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><meta charset="utf-8"><title>loading</title><script src="page.js"></script>';
  const server = createServer((req, res) => {
    const js = req.url === '/page.js';
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
    res.end(js ? readFileSync(join(dir, 'page.js')) : html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Rejects when the page crashes (a lost GPU process takes the page with it), so no await hangs on it. */
function guard<T>(page: Page, work: Promise<T>, timeoutMs?: number): Promise<T> {
  return new Promise<T>((ok, fail) => {
    const timer = timeoutMs ? setTimeout(() => fail(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs) : null;
    page.once('crash', () => fail(new Error('the page crashed')));
    work.then(ok, fail).finally(() => timer && clearTimeout(timer));
  });
}

interface Opened { browser: Browser; page: Page; attempt: Attempt; adapter: AdapterReport }

/** Launches Chromium with each flag set in turn until one yields an adapter; says why each earlier one did not. */
async function openPage(url: string): Promise<{ opened: Opened | null; failures: string[] }> {
  const attempts = hasGpuDevice() || args.includes('--try-hardware') ? [HARDWARE, DEFAULT, SWIFTSHADER] : [DEFAULT, SWIFTSHADER];
  const failures: string[] = [];
  for (const attempt of attempts) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...attempt.flags, ...QUIET] });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
      const probe = guard(page, (async (): Promise<ProbeReport> => {
        await page.goto(url);
        await page.waitForFunction(() => document.title === 'ready');
        return page.evaluate(() => (window as unknown as { bench: { probe(): Promise<ProbeReport> } }).bench.probe());
      })(), PROBE_TIMEOUT_MS);
      const r = await probe;
      if (!r.ok) throw new Error(r.reason);
      if (attempt === HARDWARE && describe(r.adapter).software) throw new Error(`only a software adapter (${describe(r.adapter).name})`);
      return { opened: { browser, page, attempt, adapter: r.adapter }, failures };
    } catch (e) {
      failures.push(`${attempt.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      await browser.close().catch(() => undefined);
    }
  }
  return { opened: null, failures };
}

async function measure(page: Page, workload: 'matmul' | 'train', backend: 'cpu' | 'webgpu', size: number): Promise<number> {
  type Bench = { measure(w: string, b: string, s: number): Promise<number> };
  const run = page.evaluate(({ workload, backend, size }) => (window as unknown as { bench: Bench }).bench.measure(workload, backend, size), { workload, backend, size });
  return guard(page, run);
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tensor-lens-bench-chromium-'));
  let server: Server | null = null;
  let browser: Browser | null = null;
  try {
    await esbuild.build({ entryPoints: [ENTRY], outfile: join(dir, 'page.js'), bundle: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' });
    const served = await serve(dir);
    server = served.server;
    const { opened, failures } = await openPage(served.url);
    if (!opened) {
      console.error(`bench:webgpu-chromium failed: Chromium (${CHROMIUM}) has no WebGPU adapter — ${failures.join('; ')}`);
      return 1;
    }
    browser = opened.browser;
    const { page } = opened;
    const adapter = describe(opened.adapter);
    const heading = `Chromium ${browser.version()}, adapter: ${adapter.name}${adapter.software ? ' (software: figures only prove the path runs)' : ''}`;
    console.log(heading);
    for (const f of failures) console.log(`  tried first: ${f}`);
    console.log(`  flags: ${opened.attempt.name} (${opened.attempt.flags.join(' ')})`);
    const quick = adapter.software && !full && !args.includes('--sizes');
    const sizes = quick ? SOFTWARE_SIZES : SIZES;
    const batches = quick ? SOFTWARE_BATCHES : BATCHES;
    if (quick) console.log(`  software adapter: measuring matmul ${sizes.join('/')} and batch ${batches.join('/')} only (--full for all)`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const gf = (ms: number) => (2 * n * n * n) / (ms * 1e6);
      const gpu = gf(await measure(page, 'matmul', 'webgpu', n));
      const cpu = withCpu ? gf(await measure(page, 'matmul', 'cpu', n)) : null;
      rows.push({ name: `matmul ${n}x${n}`, unit: 'GFLOP/s', cpu, gpu, higherBetter: true });
      console.log(`  matmul ${n}: webgpu ${fmt(gpu)} GFLOP/s, cpu ${fmt(cpu)} GFLOP/s`);
    }
    for (const batch of batches) {
      const gpu = await measure(page, 'train', 'webgpu', batch);
      const cpu = withCpu ? await measure(page, 'train', 'cpu', batch) : null;
      rows.push({ name: `MLP 784-128-64-10 train step, batch ${batch}`, unit: 'ms', cpu, gpu, higherBetter: false });
      console.log(`  train step batch ${batch}: webgpu ${fmt(gpu)} ms, cpu ${fmt(cpu)} ms`);
    }
    console.log('');
    printTable(heading, rows);
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    const s = server;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench:webgpu-chromium failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exit(1);
  },
);
