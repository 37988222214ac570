// Reads the V8 CPU profiles of a run (node --cpu-prof) and says where the time went, by pipeline stage.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const LOADING = /node_modules\/(tsx|esbuild)\/|^node:internal\/modules\//;

/** Stages in the order a document goes through them; the first rule that names a frame's source decides. */
const RULES: [stage: string, test: (url: string, name: string) => boolean][] = [
  ['garbage collection', (_u, n) => n === '(garbage collector)'],
  ['idle: waiting for Chromium, the disk or a worker', (_u, n) => n === '(idle)'],
  ['start-up: loading modules', (u) => LOADING.test(u)],
  ['validation (zod, NFC, rules)', (u) => /\/src\/(schema|pipeline\/json-syntax)\/|node_modules\/zod\//.test(u)],
  ['view model and layout', (u) => /\/src\/(viewmodel|layout|forms)\//.test(u)],
  ['DOCX: deflate (zlib)', (u) => u === 'node:zlib'],
  // pako (deflate in JavaScript) serves both pizzip and pdf-lib: its time goes to whichever called it.
  ['DOCX: fill and zip', (u) => /\/src\/render\/docx\/|node_modules\/(docxtemplater|pizzip|@xmldom)\//.test(u)],
  ['HTML (handlebars)', (u) => /\/src\/render\/html\/|node_modules\/handlebars\//.test(u)],
  ['PDF: finishing (split, numbers, fields, metadata: pdf-lib)', (u) => /node_modules\/(pdf-lib|@pdf-lib)\/|\/src\/render\/(pdf\/(post|sig-fields|sidecar|batch|pdfa)|marks)/.test(u)],
  ['PDF: talking to Chromium (puppeteer)', (u) => /node_modules\/(puppeteer-core|chromium-bidi|ws|devtools-protocol)\/|\/src\/render\/pdf\//.test(u)],
  ['writing files, journal, report', (u) => /\/src\/output\/|^node:fs/.test(u)],
  ['batch, workers, command line', (u) => /\/src\/(pipeline|cli|api)/.test(u)],
];

function stageOf(frames: CallFrame[]): string {
  // Code run while a module is being loaded (a library's top level) is start-up, whatever library it is in.
  if (frames.some((f) => LOADING.test(f.url))) return RULES[2]![0];
  // From the sampled frame outwards: a native frame (no URL) is charged to the nearest caller that names its source.
  for (const f of frames) {
    for (const [stage, test] of RULES) if (test(f.url, f.functionName)) return stage;
  }
  return 'other (Node.js internals, native code)';
}

const maps = new Map<string, SourceMap | undefined>();

/**
 * A frame of the compiled copy (bin/compiled.mjs) named by the source it was compiled from, through the copy's
 * source maps, so its time goes to the stage of that source and not to "other".
 */
function original(f: CallFrame): CallFrame {
  if (!f.url.includes('/node_modules/.cache/vanban/')) return f;
  let map = maps.get(f.url);
  if (!maps.has(f.url)) {
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${fileURLToPath(f.url)}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(f.url, map);
  }
  const entry = map?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ? { ...f, url: entry.originalSource } : f;
}

export interface StageTimes {
  file: string;
  wallMs: number;
  stages: { stage: string; ms: number }[];
}

export function stagesOf(file: string): StageTimes {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageCache = new Map<number, string>();
  const totals = new Map<string, number>();
  p.samples.forEach((id, i) => {
    let stage = stageCache.get(id);
    if (!stage) {
      const frames: CallFrame[] = [];
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) frames.push(original(byId.get(n)!.callFrame));
      stage = stageOf(frames);
      stageCache.set(id, stage);
    }
    totals.set(stage, (totals.get(stage) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return {
    file,
    wallMs: (p.endTime - p.startTime) / 1000,
    stages: [...totals].map(([stage, ms]) => ({ stage, ms })).sort((a, b) => b.ms - a.ms),
  };
}

/** The stages of every profile in a folder (a run's main thread and its workers), main thread first. */
export function profileFolder(dir: string): StageTimes[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .map((f) => stagesOf(path.join(dir, f)));
}

export function printStages(label: string, runs: StageTimes[], log: (s: string) => void): void {
  for (const r of runs) {
    const busy = r.stages.filter((s) => !s.stage.startsWith('idle')).reduce((a, s) => a + s.ms, 0);
    const work = r.stages.filter((s) => !s.stage.startsWith('idle') && !s.stage.startsWith('start-up')).reduce((a, s) => a + s.ms, 0);
    if (work < 300) continue; // a thread that only loaded modules and waited (tsx's loader thread)
    log(`${label}: ${path.basename(r.file)}, ${(r.wallMs / 1000).toFixed(1)} s of which ${(busy / 1000).toFixed(1)} s on the CPU`);
    for (const s of r.stages) log(`  ${(s.ms / 1000).toFixed(2).padStart(7)} s ${((100 * s.ms) / r.wallMs).toFixed(0).padStart(3)} %  ${s.stage}`);
  }
}
