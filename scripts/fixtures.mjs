#!/usr/bin/env node
// Regenerates test/fixtures/traces/*.json: traces of small programs produced
// by engine/runtime.ts's run(), for the webview views (H7) and the extension
// tests (H6). Run after engine changes: `node scripts/fixtures.mjs`.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = [
  { out: 'seed.json', program: 'examples/seed.py' },
  { out: 'mm-shape-error.json', program: 'test/conformance/torch/mm_shape_error.py' },
  { out: 'mlp-training.json', program: 'test/fixtures/traces/programs/mlp_training.py' },
];

const bundle = join(tmpdir(), `tensor-lens-fixtures-${process.pid}.mjs`);
await build({
  stdin: { contents: "export { run } from './engine/runtime';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error',
});
const { run } = await import(pathToFileURL(bundle).href);
mkdirSync(join(root, 'test/fixtures/traces'), { recursive: true });
for (const f of FIXTURES) {
  const source = readFileSync(join(root, f.program), 'utf8');
  const trace = await run(source, { file: f.program });
  // durationMs varies run to run; fixtures stay byte-stable without it.
  trace.durationMs = 0;
  const json = JSON.stringify(trace, null, 1) + '\n';
  writeFileSync(join(root, 'test/fixtures/traces', f.out), json);
  const err = trace.error ? ` error: ${trace.error.type}: ${trace.error.message}` : '';
  console.log(`${f.out}: ${json.length} bytes, ${trace.exprs.length} exprs, ${trace.graph.nodes.length} nodes, ${trace.steps.length} steps${err}`);
}
