// No Chromium outlives vanban: a watchdog ends a browser whose parent died however it died, and each start sweeps what a dead run left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

export const PROFILE_PREFIX = 'vanban-chromium-';
const OWNER_FILE = 'vanban-owner.json';

/**
 * The watchdog's script: it waits on a pipe only this process holds open. "done" means the browser was closed in
 * order; end of file means this process died (SIGKILL, a crash, the OOM killer), and every process that names the
 * browser's profile on its command line is killed with its process group, then the profile is removed. It is
 * started before the browser and finds it by its profile, so no moment of the launch escapes it; its own session
 * keeps it out of signals sent to this process's group.
 */
const WATCHDOG = [
  'IFS= read -r line; [ "$line" = done ] && exit 0',
  // One grep over every command line (NUL-separated arguments, whole-argument match): no process forked per entry.
  'sweep() { for f in $(grep -lzxF -- "--user-data-dir=$VANBAN_PROFILE" /proc/[0-9]*/cmdline 2>/dev/null); do p=${f#/proc/}; p=${p%/cmdline}; kill -KILL -"$p" "$p" 2>/dev/null; done; }',
  'sweep; sleep 1; sweep; rm -rf -- "$VANBAN_PROFILE"',
].join('\n');

export interface Watchdog {
  /** The browser ended in order: the watchdog leaves without killing anything. */
  release(): void;
}

/** Starts the watchdog of the browser that will use `profile`; call it before the browser starts. */
export function watch(profile: string): Watchdog {
  let child: ChildProcess | undefined;
  try {
    child = spawn('/bin/sh', ['-c', WATCHDOG], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      // In the environment, not the arguments: tests and sweeps find browsers by the profile in their command line.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', VANBAN_PROFILE: profile },
    });
  } catch {
    return { release: () => undefined };
  }
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  // Neither the child nor its pipe keeps this process alive; the pipe closes with it.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      child?.stdin?.end('done\n');
    },
  };
}

/** The start time of a process (clock ticks since boot), which tells a live owner from a new process with its old pid. */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Records in a new profile which process owns it, so that a later start can tell it was left behind. */
export function recordOwner(profile: string): void {
  fs.writeFileSync(path.join(profile, OWNER_FILE), JSON.stringify({ pid: process.pid, start: startTime(process.pid) }));
}

function ownerAlive(profile: string): boolean | undefined {
  let owner: { pid?: unknown; start?: unknown };
  try {
    owner = JSON.parse(fs.readFileSync(path.join(profile, OWNER_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof owner.pid !== 'number') return undefined;
  const now = startTime(owner.pid);
  return now !== undefined && (owner.start === undefined || now === owner.start);
}

/** Pids of the processes whose command line names `profile` as their user data folder. */
function usersOf(profile: string): number[] {
  const needle = `--user-data-dir=${profile}`;
  const found: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const args = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (args.includes(needle)) found.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Profiles without an owner record (older versions) are swept only when old and unused. */
const UNOWNED_AGE_MS = 3600_000;

/**
 * Ends the browsers of runs that died and removes their profiles: a profile whose recorded owner is gone (or an
 * unrecorded one unused for an hour) has every process using it killed, with its process group, and is deleted.
 * Profiles of live runs, this one's and other users' included, are never touched. Returns the profiles removed.
 */
export function sweepStale(tmp = os.tmpdir()): string[] {
  if (process.platform !== 'linux') return [];
  let names: string[];
  try {
    names = fs.readdirSync(tmp).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.join(tmp, name);
    try {
      const st = fs.lstatSync(dir);
      if (!st.isDirectory() || (typeof process.getuid === 'function' && st.uid !== process.getuid())) continue;
      const alive = ownerAlive(dir);
      if (alive === true) continue;
      const users = usersOf(dir);
      if (alive === undefined && (users.length > 0 || Date.now() - st.mtimeMs < UNOWNED_AGE_MS)) continue;
      for (const pid of users) {
        for (const target of [-pid, pid]) {
          try {
            process.kill(target, 'SIGKILL');
          } catch {
            // not a group leader, or already gone
          }
        }
      }
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      removed.push(dir);
    } catch {
      // another run swept it first, or it is not ours to remove
    }
  }
  return removed;
}
