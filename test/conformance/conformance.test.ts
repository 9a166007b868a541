// Conformance: every test/conformance/**/NAME.py runs through Tensor Lens
// (engine/runtime.ts run(), the same path as the CLI) and must print exactly
// NAME.out, the stdout real Python/PyTorch printed (scripts/golden/conformance.py).
// When NAME.err exists the program must fail with that last traceback line;
// otherwise it must not fail. When NAME.tb exists, the traceback Tensor Lens
// prints (formatTraceback, as the CLI writes it to stderr) must be that text:
// frames, carets and the exception chain. The warnings it shows must be
// NAME.warn's (none when there is none). Object addresses are the only text
// normalised.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';
import { formatTraceback } from '../../engine/python/traceback';
import type { WarningRecord } from '../../engine/trace/types';

const ROOT = __dirname;

function programs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...programs(p));
    else if (name.endsWith('.py') && existsSync(p.slice(0, -3) + '.out')) out.push(p);
  }
  return out;
}

const all = programs(ROOT);

/** Object addresses (`<... object at 0x7f85...>`) differ on every run, even in Python. */
function normaliseAddresses(text: string): string {
  return text.replace(/ at 0x[0-9a-f]+>/g, ' at 0x?>');
}

/** NAME.warn without the warnings Python placed in a library's file. */
function expectedWarnings(path: string): string {
  const p = path.slice(0, -3) + '.warn';
  if (!existsSync(p)) return '';
  return readFileSync(p, 'utf8').split('\n').filter((l) => !l.startsWith('(elsewhere) ')).join('\n');
}

/** The run's warnings as Python prints them, less those Python placed in a
 *  library's file ('(elsewhere)' in NAME.warn): Tensor Lens places every
 *  warning in the program. */
function warningsText(warnings: WarningRecord[], name: string, source: string, path: string): string {
  const p = path.slice(0, -3) + '.warn';
  const elsewhere = new Set(existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l.startsWith('(elsewhere) ')).map((l) => l.slice(12)) : []);
  const lines = source.split('\n');
  return warnings
    .filter((w) => !elsewhere.has(`${w.category}: ${w.message}`))
    .map((w) => `${name}:${w.range.line}: ${w.category}: ${w.message}\n  ${lines[w.range.line - 1].trim()}\n`)
    .join('');
}

describe('conformance programs', () => {
  it('finds the programs of every folder', () => {
    expect(all.some((p) => p.includes('/lang/'))).toBe(true);
    expect(all.length).toBeGreaterThan(10);
  });

  for (const path of all) {
    const name = relative(ROOT, path);
    it(name, async () => {
      const source = readFileSync(path, 'utf8');
      const expectedOut = readFileSync(path.slice(0, -3) + '.out', 'utf8');
      const errPath = path.slice(0, -3) + '.err';
      const expectedErr = existsSync(errPath) ? readFileSync(errPath, 'utf8').trimEnd() : null;
      const trace = await run(source, { file: name, timeBudgetMs: 120_000 });
      const gotErr = trace.error ? (trace.error.message === '' ? trace.error.type : `${trace.error.type}: ${trace.error.message}`) : null;
      expect(normaliseAddresses(trace.stdout)).toBe(normaliseAddresses(expectedOut));
      expect(gotErr).toBe(expectedErr);
      const tbPath = path.slice(0, -3) + '.tb';
      if (existsSync(tbPath) && trace.error) {
        expect(normaliseAddresses(formatTraceback(trace.error, name, source))).toBe(normaliseAddresses(readFileSync(tbPath, 'utf8')));
      }
      expect(warningsText(trace.warnings ?? [], name, source, path)).toBe(expectedWarnings(path));
    });
  }
});
