// Starts a worker thread on the TypeScript sources through tsx, as bin/vanban.mjs does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
