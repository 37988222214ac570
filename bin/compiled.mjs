// Finds, or makes, the compiled copy of src/ that a batch starts from, so it does not load every source through tsx.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'vanban');
/** Copies older than this are removed when a new one is made; a run still using one has long finished. */
const KEEP_MS = 24 * 3600 * 1000;

/** Every TypeScript source under src/, as paths relative to it, in a fixed order. */
function sources(dir = SRC, rel = '') {
  const out = [];
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (r !== 'server/public') out.push(...sources(path.join(dir, d.name), r));
    } else if (d.name.endsWith('.ts')) out.push(r);
  }
  return out.sort();
}

/**
 * The copy is named by what it was made from: every source's path, size and time of change, the checkout's place,
 * the versions of Node.js and esbuild, and this file (how the copy is made). An edited or added source (a
 * maintainer's new form) gives a new name, so a stale copy is never used and no build step can be forgotten.
 */
function keyOf(files, esbuildVersion) {
  const h = crypto.createHash('sha256').update(`${ROOT}\0${process.version}\0${esbuildVersion}\0`).update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const f of files) {
    const st = fs.statSync(path.join(SRC, f));
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return h.digest('hex').slice(0, 24);
}

/**
 * The compiled copy for this checkout, made now if missing: one ES module per entry (the command, the worker thread,
 * each form) and shared chunks, so a form loaded by the registry uses the same schema modules as the rest.
 * Returns its folder, or undefined when it cannot be made (a source that does not compile, a read-only checkout):
 * the caller then loads the TypeScript sources through tsx, which reports a broken form with its file and fix.
 */
export async function compiledDir() {
  if (process.env.VANBAN_NO_COMPILE === '1') return undefined;
  try {
    const esbuildPackage = createRequire(import.meta.url).resolve('esbuild/package.json');
    const files = sources();
    const dir = path.join(CACHE, keyOf(files, JSON.parse(fs.readFileSync(esbuildPackage, 'utf8')).version));
    if (fs.existsSync(path.join(dir, 'ready'))) return dir;
    // These very sources failed to compile before: tsx will report why, without a second try each run.
    if (fs.existsSync(`${dir}.failed`)) return undefined;
    const esbuild = await import('esbuild');
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.mkdirSync(CACHE, { recursive: true });
    try {
      await build(esbuild, tmp, dir, files);
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.writeFileSync(`${dir}.failed`, `${err?.message ?? err}\n`);
      throw err;
    } finally {
      // The build's helper process would otherwise outlive the command.
      await esbuild.stop();
    }
    fs.writeFileSync(path.join(tmp, 'ready'), '');
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // Another run made the same copy at the same time: use theirs.
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(path.join(dir, 'ready'))) return undefined;
    }
    removeOld(dir);
    return dir;
  } catch (err) {
    if (process.env.VANBAN_DEBUG) console.error(`vanban: no compiled copy (${err?.message ?? err}); loading the sources through tsx`);
    return undefined;
  }
}

/** Compiles the sources into `tmp`, the folder that becomes `dir`. */
async function build(esbuild, tmp, dir, files) {
  const forms = files.filter((f) => f.startsWith('forms/') && !/^forms\/(types|registry)\.ts$/.test(f));
  await esbuild.build({
    entryPoints: ['cli/main.ts', 'pipeline/worker.ts', ...forms].map((f) => path.join(SRC, f)),
    outbase: SRC,
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // The exact version, so that features it has (import attributes on JSON) are kept as written.
    target: `node${process.versions.node}`,
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // For `npm run bench -- --profile`, which names each sample by its source, and for node --enable-source-maps.
    sourcemap: 'linked',
    define: { __VANBAN_COMPILED__: JSON.stringify({ root: ROOT, dir }) },
    logLevel: 'silent',
    plugins: [jsonFromDisk],
  });
}

/**
 * Configuration and template data imported as JSON (config/regulations.json, templates/_blocks/tokens.json) stay
 * files read at start-up, as they are from the sources: a maintainer's edit to them takes effect at once.
 */
const jsonFromDisk = {
  name: 'json-from-disk',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      return { path: pathToFileURL(path.resolve(args.resolveDir, args.path)).href, external: true };
    });
  },
};

function removeOld(keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(CACHE)) {
    const p = path.join(CACHE, name);
    if (p === keep) continue;
    try {
      if (now - fs.statSync(p).mtimeMs > KEEP_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // removed by another run
    }
  }
}

/** URL of a module of the compiled copy, by its source path without extension (`cli/main`). */
export const compiledModule = (dir, name) => pathToFileURL(path.join(dir, `${name}.mjs`)).href;
