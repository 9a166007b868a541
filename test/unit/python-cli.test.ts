// The command line: `tensor-lens run` prints what python3 prints (stdout as
// the program writes it, a 3.11 traceback on stderr, exit code 1) and runs
// notebooks; `--trace` writes the trace JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));

function cli(...args: string[]) {
  return spawnSync('node', [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('tensor-lens run', () => {
  it('prints stdout and a Python traceback with exit code 1', () => {
    const file = join(dir, 'fail.py');
    writeFileSync(file, 'def g(x):\n    return [1][x] + 1\nprint("start")\ny = g(3)\n');
    const r = cli('run', file);
    expect(r.stdout).toBe('start\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n' +
      `  File "${file}", line 4, in <module>\n    y = g(3)\n        ^^^^\n` +
      `  File "${file}", line 2, in g\n    return [1][x] + 1\n           ~~~^^^\n` +
      'IndexError: list index out of range\n');
  });

  it('writes what the program sends to sys.stderr to stderr, as python3 does', () => {
    // Expected text from CPython 3.11 (`python3 stderr.py`).
    const file = join(dir, 'stderr.py');
    writeFileSync(file, 'import sys, traceback\nprint("out")\nprint("err", file=sys.stderr)\ntry:\n    1/0\nexcept ZeroDivisionError:\n    traceback.print_exc()\nprint("done")\n');
    const r = cli('run', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('out\ndone\n');
    expect(r.stderr).toBe(
      'err\nTraceback (most recent call last):\n' +
      `  File "${file}", line 5, in <module>\n    1/0\n    ~^~\n` +
      'ZeroDivisionError: division by zero\n');
  });

  it('exits 0 on success and writes the trace', () => {
    const file = join(dir, 'ok.py');
    const trace = join(dir, 'ok.json');
    writeFileSync(file, 'x = 6 * 7\nprint(f"{x:>4}")\n');
    const r = cli('run', file, '--trace', trace);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('  42\n');
    const t = JSON.parse(readFileSync(trace, 'utf8'));
    expect(t.version).toBe(1);
    expect(t.stdout).toBe('  42\n');
    expect(t.error).toBeNull();
  });

  it('runs a notebook: magics skipped, last expression of a cell shown', () => {
    const file = join(dir, 'nb.ipynb');
    writeFileSync(file, JSON.stringify({
      cells: [
        { cell_type: 'code', source: ['%matplotlib inline\n', 'import math\n', 'r = math.sqrt(16)\n', 'r'] },
        { cell_type: 'markdown', source: ['text'] },
        { cell_type: 'code', source: ['print("x")\n', '"s"'] },
      ],
    }));
    const r = cli('run', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("4.0\nx\n's'\n");
  });

  it('refuses unknown options and missing files in one line', () => {
    expect(cli('run').status).toBe(2);
    const r = cli('run', join(dir, 'nope.py'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No such file');
    expect(r.stderr.split('\n').length).toBeLessThanOrEqual(2);
  });
});
