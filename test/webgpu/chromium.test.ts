// The webview runtime in headless Chromium, served from http://127.0.0.1
// (navigator.gpu needs a secure context). With --enable-unsafe-webgpu the
// page gets a WebGPU device (SwiftShader here) and its kernels agree with the
// CPU backend; without the flag it says plainly that WebGPU is missing and
// runs the program on the CPU backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];
const PROGRAM = `import torch
torch.manual_seed(7)
x = torch.randn(2, 3)
w = torch.randn(3, 2)
y = torch.mm(x, w).softmax(dim=1)
print(y)
print(y.sum().item() > 1.99)
`;

let dir = '';
let server: Server;
let url = '';
const browsers: Browser[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tensor-lens-webgpu-page-'));
  await esbuild.build({ entryPoints: [join(__dirname, 'page/entry.ts')], outfile: join(dir, 'page.js'), bundle: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' });
  const html = '<!doctype html><meta charset="utf-8"><title>loading</title><script src="page.js"></script>';
  server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(dir, 'page.js')));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

async function open(webgpu: boolean): Promise<Page> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: webgpu ? ['--enable-unsafe-webgpu', ...FLAGS] : FLAGS });
  browsers.push(browser);
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

type H8 = {
  probe(): Promise<{ kind: string; detail: string; software?: boolean }>;
  kernelCheck(): Promise<{ maxDiff: number; kernels: number }>;
  runProgram(src: string, preferCpu: boolean): Promise<{ backend: string; notice: string; statuses: string[]; stdout: string; error: string | null; traceBackend: string }>;
};

describe('webview runtime in Chromium', () => {
  it('with --enable-unsafe-webgpu: a WebGPU device whose kernels match the CPU backend', async () => {
    const page = await open(true);
    const probe = await page.evaluate(() => (window as unknown as { h8: H8 }).h8.probe());
    expect(probe.kind).toBe('webgpu');
    // SwiftShader, a CPU rasterizer: the auto backend must not take it for a GPU.
    expect(probe.detail).toMatch(/swiftshader/i);
    expect(probe.software).toBe(true);
    const check = await page.evaluate(() => (window as unknown as { h8: H8 }).h8.kernelCheck());
    expect(check.kernels).toBe(5);
    expect(check.maxDiff).toBeLessThan(1e-5);
  });

  it('with --enable-unsafe-webgpu: starts the program on WebGPU and gives the CPU runtime\'s output', async () => {
    const page = await open(true);
    const gpuRun = await page.evaluate((src) => (window as unknown as { h8: H8 }).h8.runProgram(src, false), PROGRAM);
    const cpuRun = await page.evaluate((src) => (window as unknown as { h8: H8 }).h8.runProgram(src, true), PROGRAM);
    expect(cpuRun.error).toBeNull();
    expect(gpuRun.statuses[0]).toMatch(/^webgpu: Running on WebGPU/);
    // The whole program runs on WebGPU: print and the trace read GPU tensors
    // asynchronously, so there is no rerun on the CPU.
    expect(gpuRun.statuses).toHaveLength(1);
    expect(gpuRun.backend).toBe('webgpu');
    expect(gpuRun.traceBackend).toBe('webgpu');
    expect(gpuRun.stdout).toBe(cpuRun.stdout);
    expect(gpuRun.error).toBeNull();
  });

  it('without the flag: says WebGPU is missing and runs on the CPU backend', async () => {
    const page = await open(false);
    const probe = await page.evaluate(() => (window as unknown as { h8: H8 }).h8.probe());
    expect(probe.kind).toBe('unavailable');
    const run = await page.evaluate((src) => (window as unknown as { h8: H8 }).h8.runProgram(src, false), PROGRAM);
    expect(run.backend).toBe('cpu');
    expect(run.traceBackend).toBe('cpu');
    expect(run.notice).toMatch(/running on the CPU backend instead\.$/);
    expect(run.notice).toMatch(/^(WebGPU is not available in this panel|WebGPU is enabled but no GPU adapter was found)/);
    expect(run.error).toBeNull();
    expect(run.stdout).toContain('tensor([[');
    expect(run.stdout).toContain('True');
  });
});
