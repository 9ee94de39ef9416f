// Worker thread of the build-time run cache: loads jobs.ts through tsx and computes what it is sent.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { jobs } = await tsImport('./jobs.ts', import.meta.url);
const { encode } = await tsImport('./codec.ts', import.meta.url);

parentPort.on('message', ({ id, kind, settings }) => {
  try {
    parentPort.postMessage({ id, text: encode(jobs[kind](settings)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
