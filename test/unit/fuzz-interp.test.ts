// Property tests: random token soup, truncated real programs, deep nesting and
// endless loops all end in success or a located Python-style error — never a
// crash, a hang, or a JavaScript error escaping (SystemError = internal bug).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPython } from '../../engine/python/index';
import type { PythonRunResult } from '../../engine/python/index';

const TOKENS = [
  'x', 'y', 'f', 'i', 'lst', 'd', 'self', 'print', 'len', 'range', 'int', 'str', 'None', 'True', '0', '1', '2.5', '"s"', "'t'",
  '+', '-', '*', '/', '//', '%', '**', '@', '==', '<', '>=', 'and', 'or', 'not', 'in', 'is', '=', '+=', ':', ',', '.', ';',
  '(', ')', '[', ']', '{', '}', 'if', 'else', 'elif', 'for', 'while', 'def', 'class', 'return', 'lambda', 'yield', 'try',
  'except', 'finally', 'raise', 'with', 'as', 'import', 'from', 'global', 'del', 'pass', 'break', 'continue', 'assert',
  '\n', '\n    ', '\n        ', ' ', 'f"{x}"', '*', '**', '...', '#c', '\\',
];

const LANG = join(__dirname, '..', 'conformance', 'lang');
const programs = readdirSync(LANG).filter((f) => f.endsWith('.py')).map((f) => readFileSync(join(LANG, f), 'utf8'));

function checkResult(src: string, r: PythonRunResult): void {
  if (!r.error) return;
  const e = r.error;
  expect(typeof e.type, src).toBe('string');
  expect(e.type, `${src}\n-> ${e.type}: ${e.message}`).not.toBe('SystemError');
  const lines = src.split('\n').length;
  expect(e.range.line, src).toBeGreaterThanOrEqual(1);
  expect(e.range.line, src).toBeLessThanOrEqual(lines + 1);
  expect(e.range.from).toBeLessThanOrEqual(e.range.to);
  expect(e.message).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
}

async function runChecked(src: string, budgetMs = 100): Promise<void> {
  const r = await runPython(src, { timeBudgetMs: budgetMs, runBeforeSyntaxError: true, maxRecursion: 200 });
  checkResult(src, r);
}

describe('fuzz: the interpreter never crashes', () => {
  it('survives random token soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }), async (toks) => {
        await runChecked(toks.join(' ').replace(/ \n/g, '\n'));
      }),
      { numRuns: 2500, seed: 4242 },
    );
  }, 240_000);

  it('survives every truncation point of the conformance programs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: programs.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (p, frac) => {
        const src = programs[p];
        await runChecked(src.slice(0, Math.floor(src.length * frac)), 300);
      }),
      { numRuns: 600, seed: 7 },
    );
  }, 240_000);

  it('survives line-dropping mutations of the conformance programs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: programs.length - 1 }), fc.integer({ min: 0, max: 1000 }), async (p, drop) => {
        const lines = programs[p].split('\n');
        lines.splice(drop % lines.length, 1);
        await runChecked(lines.join('\n'), 300);
      }),
      { numRuns: 400, seed: 11 },
    );
  }, 240_000);

  it('handles deep nesting with a located error or a result', async () => {
    for (const n of [50, 300, 3000]) {
      await runChecked('x = ' + '('.repeat(n) + '1' + ')'.repeat(n) + '\nprint(x)\n');
      await runChecked('x = ' + '['.repeat(n) + ']'.repeat(n) + '\n');
      await runChecked('x = ' + '-'.repeat(n) + '1\n');
      await runChecked('x = 1' + ' + 1'.repeat(n) + '\n');
      let src = '';
      for (let i = 0; i < Math.min(n, 200); i++) src += ' '.repeat(i) + 'if True:\n';
      await runChecked(src + ' '.repeat(Math.min(n, 200)) + 'print(1)\n');
    }
  }, 120_000);

  it('stops endless programs under a tiny budget', async () => {
    for (const src of [
      'while True: pass',
      'while 1:\n    x = [i for i in range(100)]',
      'def f():\n    while True:\n        yield 1\nsum(f())',
      'import itertools\nfor i in itertools.count(): pass',
      'x = []\nwhile True:\n    x.append(len(x))',
      'def g(n):\n    return g(n+1) + g(n+2)\ng(0)',
      'print(sum(range(10**12)))',
      'x = list(range(10**10))',
      'print(max(range(10**11)))',
      'print(any(x < 0 for x in range(10**9)))',
      'y = [0] * 10**10',
      's = "ab" * 10**10',
    ]) {
      const t0 = Date.now();
      const r = await runPython(src, { timeBudgetMs: 50 });
      expect(Date.now() - t0, src).toBeLessThan(5000);
      expect(r.error, src).not.toBeNull();
      checkResult(src, r);
    }
  }, 60_000);
});
