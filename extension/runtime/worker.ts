// The host runtime: the interpreter and the CPU engine in a worker_thread, so
// a long or runaway program never blocks the extension host. One run at a
// time; the host terminates this worker when a cancel or budget is not
// honoured in time, and starts a fresh one for the next run.
import { parentPort } from 'node:worker_threads';
import { run } from '../../engine/runtime';
import { installDatasetSources } from './datasets';
import { nodeCollectGarbage } from './gc';
import type { FromWorker, RunRequest, ToWorker } from './messages';

const STDOUT_FLUSH_MS = 100;
const port = parentPort;
if (!port) throw new Error('worker.ts must run inside a worker_thread');
// The bundle lives in dist/, beside the packed datasets.
installDatasetSources(__dirname);

function post(m: FromWorker): void {
  port!.postMessage(m);
}

async function runOne(req: RunRequest): Promise<void> {
  const flag = new Int32Array(req.cancelFlag);
  let pending = '';
  let lastFlush = Date.now();
  const flush = (): void => {
    if (pending) post({ type: 'stdout', id: req.id, text: pending });
    pending = '';
    lastFlush = Date.now();
  };
  try {
    const trace = await run(req.source, {
      file: req.file,
      timeBudgetMs: req.timeBudgetMs,
      memoryBudgetBytes: req.memoryBudgetBytes,
      collectGarbage: nodeCollectGarbage(),
      runBeforeSyntaxError: req.live,
      signal: {
        get cancelled() {
          return Atomics.load(flag, 0) !== 0;
        },
      },
      onStdout(text: string) {
        pending += text;
        if (pending.length > 4096 || Date.now() - lastFlush > STDOUT_FLUSH_MS) flush();
      },
      // The output channel is the program's terminal: stderr shows there too, in order.
      onStderr(text: string) {
        pending += text;
        flush();
      },
    });
    flush();
    post({ type: 'done', id: req.id, trace });
  } catch (e) {
    flush();
    post({ type: 'crashed', id: req.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'run':
      void runOne(m.request);
      break;
    default:
      break;
  }
});
post({ type: 'ready' });
