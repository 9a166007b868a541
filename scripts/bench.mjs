// `npm run bench`: bundles each scripts/bench/*.ts into out/bench/ and runs it
// with node, one after another, so every benchmark prints its own table with
// the peers (tfjs, real PyTorch) measured in the same run.
// `npm run bench -- webgpu` runs only the benchmarks whose names are given.
// Only the top-level files are benchmarks: folders beside them (webgpu-page/)
// hold modules they import.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
// Need a GPU adapter (Dawn's, Chromium's): `npm run bench:webgpu` runs both.
const skipByDefault = new Set(['webgpu', 'webgpu-chromium']);
const names = readdirSync('scripts/bench', { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => e.name)
  .map((f) => f.slice(0, -3))
  .filter((n) => (only.length ? only.includes(n) : !skipByDefault.has(n)))
  .sort();

let failed = 0;
for (const name of names) {
  const outfile = `out/bench/${name}.js`;
  await esbuild.build({
    entryPoints: [`scripts/bench/${name}.ts`], outfile, bundle: true, platform: 'node', format: 'cjs',
    // Packages stay in node_modules: esbuild, Dawn and tfjs's wasm find their files relative to it.
    target: 'node20', logLevel: 'warning', packages: 'external',
  });
  console.log(`\n=== bench: ${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed) process.exit(1);
