// `vanban serve`: starts the local web form and API, prints its address, and stops cleanly on Ctrl+C or SIGTERM.
import { EXIT, type Io } from './main';
import { DEFAULTS, isLoopback, startServer } from '../server/app';

const USAGE = `Cách dùng / Usage: vanban serve [--port N] [--host ĐỊA_CHỈ]
  --port N        cổng / port (mặc định/default: ${DEFAULTS.port}; 0 = cổng trống bất kỳ / any free port)
  --host ĐỊA_CHỈ  địa chỉ lắng nghe / address to listen on (mặc định/default: ${DEFAULTS.host})`;

export function parseServeArgs(argv: string[]): { port: number; host: string; help: boolean; error?: string } {
  const p: { port: number; host: string; help: boolean; error?: string } = { port: DEFAULTS.port, host: DEFAULTS.host, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]) ?? '';
    if (a === '--help' || a === '-h') p.help = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65_535) p.error = `--port: "${v}" không phải số cổng 0–65535 / is not a port number 0–65535`;
      else p.port = n;
    } else if (a === '--host' || a.startsWith('--host=')) {
      p.host = value();
      if (!p.host) p.error = '--host cần một giá trị / needs a value';
    } else p.error = `Tùy chọn không rõ / unknown option: ${a}`;
  }
  return p;
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
  if (!isLoopback(args.host)) {
    io.err(
      `CẢNH BÁO/WARNING: máy chủ nghe trên ${args.host}, các máy khác trong mạng mở được biểu mẫu và dùng API (không có đăng nhập).\n` +
        `  The server listens on ${args.host}: other machines on the network can open the form and use the API (there is no login).`,
    );
  }
  let running;
  try {
    running = await startServer({ host: args.host, port: args.port, log: io.err });
  } catch (err) {
    io.err(`Không mở được máy chủ / cannot start the server on ${args.host}:${args.port}: ${(err as Error).message}`);
    return EXIT.environment;
  }
  io.out(`vanban: biểu mẫu tại / web form at ${running.url}/`);
  io.out('Nhấn Ctrl+C để dừng / press Ctrl+C to stop');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  io.out('vanban: đã dừng / stopped');
  return EXIT.ok;
}
