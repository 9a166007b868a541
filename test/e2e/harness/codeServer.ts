// A real VS Code for the e2e suite: code-server (VS Code 1.139 inside) with a
// fresh profile, our .vsix installed, and a workspace copied from examples/.
// See /work/shared/TESTING.md for the facts this relies on.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER, NODE24, ROOT } from './paths';

/** Settings that keep the screen clean and the editor predictable to type into. */
export const CLEAN_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.parameterHints.enabled': false,
  // VS Code 1.139's default dark theme (its out-of-the-box theme here is the light one).
  'workbench.colorTheme': 'Dark 2026',
};

export interface CodeServer {
  url: string;
  /** The opened folder: a scratch copy of the example files. */
  workspace: string;
  userDataDir: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  vsix: string;
  /** Files copied into the workspace, relative to the repository root. */
  files: string[];
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  for (const f of [NODE24, CODE_SERVER]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/setup-e2e.sh`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'tensor-lens-e2e-'));
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  const workspace = join(scratch, 'workspace');
  for (const d of [userDataDir, extensionsDir, workspace, join(userDataDir, 'User'), join(scratch, 'xdg')]) mkdirSync(d, { recursive: true });
  for (const f of opts.files) cpSync(join(ROOT, f), join(workspace, f.split('/').pop()!));
  // Read once at start: code-server does not notice later edits of this file,
  // so tests change settings through the Settings UI (Workbench.setBooleanSetting).
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...CLEAN_SETTINGS, ...opts.settings }, null, 2));

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(scratch, 'xdg/config'),
    XDG_DATA_HOME: join(scratch, 'xdg/data'),
    XDG_CACHE_HOME: join(scratch, 'xdg/cache'),
    ...opts.env,
  };
  const base = ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  execFileSync(NODE24, [CODE_SERVER, ...base, '--install-extension', opts.vsix], { env, stdio: 'pipe', timeout: 120_000 });

  const port = await freePort();
  const args = [
    CODE_SERVER, ...base, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--reconnection-grace-time', '5',
  ];
  const child = spawn(NODE24, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);

  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    userDataDir,
    async stop() {
      await stopChild(child);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`code-server did not answer /healthz within 60 s:\n${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Output channels are mirrored to log files under the profile. */
export function outputChannelLog(userDataDir: string, channel: string): string {
  if (!existsSync(join(userDataDir, 'logs'))) return '';
  const found = execFileSync('find', [join(userDataDir, 'logs'), '-name', `*-${channel}.log`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();
  return found.length ? readFileSync(found[found.length - 1], 'utf8') : '';
}
