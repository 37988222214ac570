// Visible skips: a test that needs something from outside the repository (the seed documents, a system tool) says why it
// skips and how to run it. Where VANBAN_REQUIRE_ALL=1 (CI, beside the seeds) a missing need fails the file instead of
// skipping; where VANBAN_REQUIRE_TOOLS=1 (CI's fresh clone, which has no seeds by design) a missing tool does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/paths';

export interface Need {
  /** The tests that need it, as the runner lists them. */
  tests: string;
  available: boolean;
  why: string;
  howTo: string;
  /** A system tool (installed by setup.sh) or the seed documents (outside the repository). */
  kind: 'tool' | 'seeds';
}

/** True when the need is met; otherwise prints and records the skip (or throws where nothing may be skipped). */
export function need(n: Need): boolean {
  if (n.available) return true;
  const line = `SKIPPED ${n.tests}: ${n.why}. To run them: ${n.howTo}`;
  if (process.env.VANBAN_REQUIRE_ALL === '1') {
    throw new Error(`${line}\nVANBAN_REQUIRE_ALL=1: these tests must run here, not be skipped.`);
  }
  if (n.kind === 'tool' && process.env.VANBAN_REQUIRE_TOOLS === '1') {
    throw new Error(`${line}\nVANBAN_REQUIRE_TOOLS=1: the tools setup.sh installs must be here.`);
  }
  console.warn(line);
  const log = process.env.VANBAN_SKIP_LOG;
  if (log) fs.appendFileSync(log, `${line}\n`);
  return false;
}

/** The real documents this project reproduces: beside the project in ../shared/seeds, or where VANBAN_SEEDS_DIR says. */
export const SEEDS_DIR = path.resolve(process.env.VANBAN_SEEDS_DIR ?? path.join(ROOT, '..', 'shared', 'seeds'));

export function needSeeds(tests: string): boolean {
  const available = fs.existsSync(SEEDS_DIR) && fs.readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'));
  return need({
    tests,
    available,
    why: `the seed documents are not at ${SEEDS_DIR} (they come with the project's shared folder, not with a clone)`,
    howTo: 'VANBAN_SEEDS_DIR=/path/to/shared/seeds npm test',
    kind: 'seeds',
  });
}

export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const INSTALL: Record<string, string> = {
  soffice: 'bash scripts/setup.sh --test-tools (Debian package libreoffice-writer-nogui)',
  iconv: 'apt-get install libc-bin',
  qpdf: 'bash scripts/setup.sh --test-tools (Debian package qpdf)',
  pdfsig: 'bash scripts/setup.sh --test-tools (Debian package poppler-utils)',
  certutil: 'bash scripts/setup.sh --test-tools (Debian package libnss3-tools)',
  pk12util: 'bash scripts/setup.sh --test-tools (Debian package libnss3-tools)',
  openssl: 'bash scripts/setup.sh --test-tools (Debian package openssl)',
  java: 'bash scripts/setup.sh --test-tools (Debian package default-jdk-headless)',
  javac: 'bash scripts/setup.sh --test-tools (Debian package default-jdk-headless)',
  gs: 'bash scripts/setup.sh --test-tools (Debian package ghostscript)',
};

export function needTool(name: string, tests: string): boolean {
  return need({ tests, available: hasTool(name), why: `the command ${name} is not installed`, howTo: INSTALL[name] ?? `install ${name}, then npm test`, kind: 'tool' });
}
