// `vanban users`: the accounts and access tokens of a server with a login, kept in its embedded store.
import { EXIT, type Io } from './main';
import { AccountStore, defaultUsersFile, PASSWORD_BYTES, StoreError } from '../server/accounts';

const USAGE = `Cách dùng / Usage: vanban users <lệnh/command> [--users TỆP] [--password-stdin]
  add TÊN          thêm tài khoản (hỏi mật khẩu) / add an account (asks for its password)
  passwd TÊN       đặt mật khẩu mới / set a new password
  remove TÊN       xóa tài khoản và mã truy cập của nó / remove an account and its tokens
  list             liệt kê tài khoản và mã truy cập / list accounts and tokens
  token TÊN [--label CHỮ]   tạo mã truy cập cho chương trình (in ra một lần) / make an access token for scripts (printed once)
  revoke MÃ_SỐ     thu hồi mã truy cập / revoke an access token by its id

  --users TỆP       kho tài khoản / account store (mặc định/default: ${defaultUsersFile()})
  --password-stdin  đọc mật khẩu từ đầu vào chuẩn / read the password from standard input
Mật khẩu / passwords: ${PASSWORD_BYTES.min}–${PASSWORD_BYTES.max} byte UTF-8; lưu dạng băm bcrypt / kept as bcrypt hashes.
Mã thoát / Exit codes: 0 xong / done, 1 không có tài khoản hoặc mã đó / no such account or token, 2 sai cách gọi / usage`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Asks for a password on the terminal without echoing it. */
async function prompt(question: string, io: Io): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return (await readAll(stdin)).replace(/\r?\n$/, '');
  io.err(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new StoreError('cancelled'));
          return;
        }
        typed = ch === '\u007f' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function password(fromStdin: boolean, io: Io): Promise<string> {
  if (fromStdin) return (await readAll(process.stdin)).replace(/\r?\n$/, '');
  const first = await prompt('Mật khẩu / password: ', io);
  const again = await prompt('Gõ lại / again: ', io);
  if (first !== again) throw new StoreError('hai lần gõ khác nhau / the two entries differ');
  return first;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let file = defaultUsersFile();
  let fromStdin = false;
  let label = '';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return EXIT.ok;
    } else if (a === '--users' || a.startsWith('--users=')) file = (a.includes('=') ? a.slice(8) : argv[++i]) ?? '';
    else if (a === '--label' || a.startsWith('--label=')) label = (a.includes('=') ? a.slice(8) : argv[++i]) ?? '';
    else if (a === '--password-stdin') fromStdin = true;
    else if (a.startsWith('-')) {
      io.err(`Tùy chọn không rõ / unknown option: ${a}\n\n${USAGE}`);
      return EXIT.usage;
    } else words.push(a);
  }
  const [command, name, extra] = words;
  const needsName = ['add', 'passwd', 'remove', 'token', 'revoke'];
  if (!command || !file || extra !== undefined || (needsName.includes(command) ? !name : command !== 'list' || name !== undefined)) {
    io.err(USAGE);
    return EXIT.usage;
  }
  try {
    const store = AccountStore.open(file);
    switch (command) {
      case 'add':
      case 'passwd': {
        if (command === 'add' && store.has(name!)) throw new StoreError(`"${name}" đã có / already exists (vanban users passwd ${name})`);
        if (command === 'passwd' && !store.has(name!)) {
          io.err(`Không có tài khoản / no account: ${name}`);
          return EXIT.invalidInput;
        }
        const done = await store.setPassword(name!, await password(fromStdin, io));
        io.out(done === 'added' ? `Đã thêm / added: ${name} (${store.file})` : `Đã đổi mật khẩu / password changed: ${name}`);
        return EXIT.ok;
      }
      case 'remove':
        if (!store.remove(name!)) {
          io.err(`Không có tài khoản / no account: ${name}`);
          return EXIT.invalidInput;
        }
        io.out(`Đã xóa / removed: ${name}`);
        return EXIT.ok;
      case 'list':
        for (const a of store.accounts()) io.out(`tài khoản/account  ${a.name}  ${a.created}`);
        for (const t of store.tokens()) io.out(`mã/token  ${t.id}  ${t.name}  ${t.label}  ${t.created}`);
        return EXIT.ok;
      case 'token': {
        if (!store.has(name!)) {
          io.err(`Không có tài khoản / no account: ${name}`);
          return EXIT.invalidInput;
        }
        io.out(store.addToken(name!, label));
        io.err('Lưu mã này ngay: nó không được in lại / keep this token now: it is not shown again (Authorization: Bearer <mã/token>)');
        return EXIT.ok;
      }
      case 'revoke':
        if (!store.revokeToken(name!)) {
          io.err(`Không có mã truy cập / no token: ${name}`);
          return EXIT.invalidInput;
        }
        io.out(`Đã thu hồi / revoked: ${name}`);
        return EXIT.ok;
      default:
        io.err(`Lệnh con không rõ / unknown subcommand: ${command}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (err) {
    if (err instanceof StoreError) {
      io.err(`vanban users: ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }
}
