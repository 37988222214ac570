// Worker thread body: answers each ProcessTask message with its ProcessResult.
import { parentPort } from 'node:worker_threads';
import { issuesOf, processInput, type ProcessResult, type ProcessTask } from './process';

parentPort!.on('message', async ({ id, task }: { id: number; task: ProcessTask }) => {
  let result: ProcessResult;
  try {
    result = await processInput(task);
  } catch (err) {
    result = { issues: issuesOf(err, task.source), failed: true };
  }
  parentPort!.postMessage({ id, result });
});
