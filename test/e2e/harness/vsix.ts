// The .vsix under test: packaged by `npm run package` (scripts/package.sh)
// when missing or older than the build it should contain.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export function ensureVsix(): string {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = join(ROOT, `tensor-lens-${version}.vsix`);
  const inputs = [join(ROOT, 'package.json'), ...readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => join(ROOT, 'dist', f))];
  const newest = Math.max(...inputs.filter(existsSync).map((f) => statSync(f).mtimeMs));
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < newest) {
    execFileSync('bash', ['scripts/package.sh'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return vsix;
}
