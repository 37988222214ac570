#!/usr/bin/env node
// Entry point of the vanban command. Rendering starts from a compiled copy of src/, made and refreshed by itself
// (bin/compiled.mjs); the other commands, and rendering when no copy can be made, load the TypeScript sources
// through tsx. Either way there is no build step to forget.
const SOURCE_ONLY = new Set(['templates', 'preview', 'new-form', 'serve', 'import', 'users']);

let main;
const argv = process.argv.slice(2);
if (!SOURCE_ONLY.has(argv[0])) {
  const { compiledDir, compiledModule } = await import('./compiled.mjs');
  const dir = await compiledDir();
  if (dir) ({ main } = await import(compiledModule(dir, 'cli/main')));
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
