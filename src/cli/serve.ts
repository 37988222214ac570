// `vanban serve`: starts the web form and API, prints its address, and stops cleanly on Ctrl+C, SIGTERM or the end of the npm that started it.
import fs from 'node:fs';
import { EXIT, type Io } from './main';
import { formatIssue } from '../errors/present';
import { bindsLoopbackOnly } from '../server/access';
import { defaultUsersFile } from '../server/accounts';
import { DEFAULTS, ServerSetupError, startServer, type RunningServer } from '../server/app';

const USAGE = `Cách dùng / Usage: vanban serve [--port N] [--host ĐỊA_CHỈ] [--allow-host TÊN,…] [--login] [--users TỆP]
                   [--tls-cert TỆP --tls-key TỆP | --plain-http] [--trust-proxy]
  --port N            cổng / port (mặc định/default: ${DEFAULTS.port}; 0 = cổng trống bất kỳ / any free port)
  --host ĐỊA_CHỈ      địa chỉ lắng nghe / address to listen on (mặc định/default: ${DEFAULTS.host});
                      ngoài loopback cần --allow-host, đăng nhập và TLS / beyond loopback needs --allow-host, a login and TLS
  --allow-host TÊN,…  tên máy hoặc địa chỉ người dùng gõ vào trình duyệt / host names users type in their browser
  --login             bắt đăng nhập cả trên loopback (sau reverse proxy) / require a login on loopback too (behind a reverse proxy)
  --users TỆP         kho tài khoản / account store (mặc định/default: ${defaultUsersFile()})
  --tls-cert TỆP      chứng chỉ PEM / PEM certificate;  --tls-key TỆP  khóa riêng PEM / PEM private key
  --plain-http        cho phép HTTP không mã hóa ngoài loopback (chỉ mạng tin cậy) / allow unencrypted HTTP beyond loopback (trusted networks only)
  --trust-proxy       tin X-Forwarded-For/-Proto từ reverse proxy trên máy này / trust X-Forwarded-For/-Proto from a reverse proxy on this machine

Mã thoát / Exit codes: 0 đã dừng / stopped, 2 sai tùy chọn / bad option, 4 không mở được / cannot listen or read its files`;

export interface ServeArgs {
  port: number;
  host: string;
  allowHosts: string[];
  login: boolean;
  users?: string;
  tlsCert?: string;
  tlsKey?: string;
  plainHttp: boolean;
  trustProxy: boolean;
  help: boolean;
  error?: string;
}

export function parseServeArgs(argv: string[]): ServeArgs {
  const p: ServeArgs = { port: DEFAULTS.port, host: DEFAULTS.host, allowHosts: [], login: false, plainHttp: false, trustProxy: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = () => {
      const v = (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]) ?? '';
      if (!v) p.error = `${name} cần một giá trị / needs a value`;
      return v;
    };
    if (a === '--help' || a === '-h') p.help = true;
    else if (name === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65_535) p.error = `--port: "${v}" không phải số cổng 0–65535 / is not a port number 0–65535`;
      else p.port = n;
    } else if (name === '--host') p.host = value();
    else if (name === '--allow-host') p.allowHosts.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
    else if (name === '--users') p.users = value();
    else if (name === '--tls-cert') p.tlsCert = value();
    else if (name === '--tls-key') p.tlsKey = value();
    else if (a === '--login') p.login = true;
    else if (a === '--plain-http') p.plainHttp = true;
    else if (a === '--trust-proxy') p.trustProxy = true;
    else p.error = `Tùy chọn không rõ / unknown option: ${a}`;
  }
  if (!p.error && Boolean(p.tlsCert) !== Boolean(p.tlsKey)) p.error = '--tls-cert và --tls-key đi cùng nhau / --tls-cert and --tls-key go together';
  return p;
}

/**
 * Under `npx vanban serve` or `npm run serve`, npm runs this command through a shell that does not pass SIGTERM on:
 * npm ends and this process would be left serving. When started by npm, it stops as soon as its parent changes.
 */
function onParentGone(stop: () => void): () => void {
  if (!process.env.npm_command && !process.env.npm_lifecycle_event) return () => undefined;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseServeArgs(argv);
  if (args.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.error) {
    io.err(`${args.error}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (args.tlsCert && args.tlsKey) {
    try {
      tls = { cert: fs.readFileSync(args.tlsCert), key: fs.readFileSync(args.tlsKey) };
    } catch (err) {
      io.err(`Không đọc được chứng chỉ TLS / cannot read the TLS files: ${(err as Error).message}`);
      return EXIT.environment;
    }
  }
  if (!(await bindsLoopbackOnly(args.host))) {
    io.err(
      `CẢNH BÁO/WARNING: máy chủ nghe trên ${args.host}, các máy khác trong mạng mở được biểu mẫu và dùng API sau khi đăng nhập.\n` +
        `  The server listens on ${args.host}: other machines on the network can open the form and use the API once logged in.`,
    );
  }
  let running: RunningServer;
  try {
    running = await startServer({
      host: args.host,
      port: args.port,
      allowHosts: args.allowHosts,
      login: args.login,
      usersFile: args.users,
      tls,
      plainHttp: args.plainHttp,
      trustProxy: args.trustProxy,
      log: io.err,
    });
  } catch (err) {
    if (err instanceof ServerSetupError) {
      for (const i of err.issues) io.err(formatIssue(i));
      return err.issues.some((i) => i.stage === 'environment') ? EXIT.environment : EXIT.usage;
    }
    io.err(`Không mở được máy chủ / cannot start the server on ${args.host}:${args.port}: ${(err as Error).message}`);
    return EXIT.environment;
  }
  io.out(`vanban: biểu mẫu tại / web form at ${running.url}/${running.login ? ' (cần đăng nhập / login required)' : ''}`);
  io.out('Nhấn Ctrl+C để dừng / press Ctrl+C to stop');
  let stopWatching = () => undefined as void;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    stopWatching = onParentGone(stop);
  });
  stopWatching();
  await running.close();
  io.out('vanban: đã dừng / stopped');
  return EXIT.ok;
}
