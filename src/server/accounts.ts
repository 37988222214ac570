// The login's embedded store: accounts with bcrypt password hashes and access tokens kept as SHA-256 digests, one JSON file written atomically.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';

export interface Account {
  name: string;
  /** bcrypt hash ($2b$…), never the password. */
  hash: string;
  created: string;
}

export interface AccessToken {
  /** Public part of the token, shown in lists and used to revoke it. */
  id: string;
  /** The account the token acts for. */
  name: string;
  label: string;
  /** SHA-256 of the secret part, hex: the secret is 256 random bits, so a slow hash adds nothing. */
  digest: string;
  created: string;
}

interface StoreData {
  version: 1;
  accounts: Account[];
  tokens: AccessToken[];
}

/** bcrypt's work factor: about a tenth of a second per login here, in plain JavaScript. */
export const BCRYPT_COST = 10;
/** bcrypt reads at most 72 bytes of a password; a longer one would be cut silently, so it is refused. */
export const PASSWORD_BYTES = { min: 8, max: 72 } as const;
const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;
const TOKEN = /^vb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** Where the accounts are kept unless `--users` says: $VANBAN_USERS, else ~/.config/vanban/users.json. */
export function defaultUsersFile(): string {
  if (process.env.VANBAN_USERS) return path.resolve(process.env.VANBAN_USERS);
  const config = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'vanban', 'users.json');
}

export class StoreError extends Error {}

/** A hash of nothing anyone typed: an unknown name costs the same comparison as a known one. */
let decoy: string | undefined;

export class AccountStore {
  private data: StoreData = { version: 1, accounts: [], tokens: [] };
  private stamp = '';
  private checkedAt = 0;

  private constructor(readonly file: string) {}

  /** Opens the store at `file`; a missing file is an empty store, a file that is not a store is an error. */
  static open(file: string): AccountStore {
    const store = new AccountStore(path.resolve(file));
    store.reload();
    return store;
  }

  /**
   * Reads the file again when it changed (another process added an account); at most once a second. A file that
   * cannot be read now leaves the accounts as they were last read, and is tried again later.
   */
  refresh(): void {
    const now = Date.now();
    if (now - this.checkedAt < 1_000) return;
    this.checkedAt = now;
    try {
      this.reload();
    } catch {
      // Kept as last read: a file half-edited by hand must not lock everyone out. A removed file is an empty store.
    }
  }

  private reload(): void {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(`${this.file}: ${(err as Error).message}`);
      this.data = { version: 1, accounts: [], tokens: [] };
      this.stamp = '';
      return;
    }
    const stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    if (stamp === this.stamp) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (err) {
      throw new StoreError(`${this.file}: ${(err as Error).message}`);
    }
    const d = parsed as Partial<StoreData>;
    if (!d || d.version !== 1 || !Array.isArray(d.accounts) || !Array.isArray(d.tokens)) throw new StoreError(`${this.file}: not a vanban account store`);
    this.data = { version: 1, accounts: d.accounts, tokens: d.tokens };
    this.stamp = stamp;
  }

  /** Written whole under a temporary name and renamed, readable by its owner only. */
  private save(): void {
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`);
    try {
      fs.writeFileSync(tmp, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    this.stamp = '';
    this.reload();
  }

  get empty(): boolean {
    return this.data.accounts.length === 0 && this.data.tokens.length === 0;
  }

  accounts(): { name: string; created: string }[] {
    return this.data.accounts.map((a) => ({ name: a.name, created: a.created }));
  }

  tokens(): { id: string; name: string; label: string; created: string }[] {
    return this.data.tokens.map((t) => ({ id: t.id, name: t.name, label: t.label, created: t.created }));
  }

  has(name: string): boolean {
    return this.data.accounts.some((a) => a.name === name);
  }

  /** Adds an account, or sets the password of an existing one. */
  async setPassword(name: string, password: string): Promise<'added' | 'changed'> {
    if (!NAME.test(name)) throw new StoreError(`"${name}": 1–64 letters, digits, ".", "_", "@" or "-"`);
    const bytes = Buffer.byteLength(password, 'utf8');
    if (bytes < PASSWORD_BYTES.min || bytes > PASSWORD_BYTES.max) throw new StoreError(`password: ${PASSWORD_BYTES.min}–${PASSWORD_BYTES.max} bytes (UTF-8), got ${bytes}`);
    const hash = await bcrypt.hash(password, BCRYPT_COST);
    this.reload();
    const existing = this.data.accounts.find((a) => a.name === name);
    if (existing) existing.hash = hash;
    else this.data.accounts.push({ name, hash, created: new Date().toISOString() });
    this.save();
    return existing ? 'changed' : 'added';
  }

  /** Removes an account and every token it had. */
  remove(name: string): boolean {
    this.reload();
    const before = this.data.accounts.length;
    this.data.accounts = this.data.accounts.filter((a) => a.name !== name);
    this.data.tokens = this.data.tokens.filter((t) => t.name !== name);
    if (this.data.accounts.length === before) return false;
    this.save();
    return true;
  }

  /** A new access token for an account; the token itself is returned once and never stored. */
  addToken(name: string, label: string): string {
    this.reload();
    if (!this.has(name)) throw new StoreError(`no account "${name}"`);
    const id = crypto.randomBytes(8).toString('hex');
    const secret = crypto.randomBytes(32).toString('base64url');
    this.data.tokens.push({ id, name, label: label.slice(0, 100), digest: sha256(secret), created: new Date().toISOString() });
    this.save();
    return `vb_${id}_${secret}`;
  }

  revokeToken(id: string): boolean {
    this.reload();
    const before = this.data.tokens.length;
    this.data.tokens = this.data.tokens.filter((t) => t.id !== id);
    if (this.data.tokens.length === before) return false;
    this.save();
    return true;
  }

  /** The account name when the password is right; an unknown name takes as long as a wrong password. */
  async verifyPassword(name: string, password: string): Promise<string | undefined> {
    const account = this.data.accounts.find((a) => a.name === name);
    decoy ??= await bcrypt.hash(crypto.randomBytes(16).toString('hex'), BCRYPT_COST);
    const bytes = Buffer.byteLength(password, 'utf8');
    const ok = await bcrypt.compare(bytes <= PASSWORD_BYTES.max ? password : '', account?.hash ?? decoy);
    return ok && account && bytes <= PASSWORD_BYTES.max ? account.name : undefined;
  }

  /** The account a bearer token acts for, or undefined. */
  verifyToken(token: string): string | undefined {
    const m = TOKEN.exec(token);
    if (!m) return undefined;
    const t = this.data.tokens.find((x) => x.id === m[1]);
    if (!t) return undefined;
    const a = Buffer.from(sha256(m[2]!), 'hex');
    const b = Buffer.from(t.digest, 'hex');
    return a.length === b.length && crypto.timingSafeEqual(a, b) && this.has(t.name) ? t.name : undefined;
  }
}

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}
