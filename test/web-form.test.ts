// The web form in a real Chromium: fill a kế hoạch and a báo cáo thành tích, see errors at the field, download, reload.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, FLAGS } from '../src/render/pdf/browser';
import { startServer, type RunningServer } from '../src/server/app';
import { pdfText, squash, tmpDir } from './helpers';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ port: 0, log: () => undefined });
  // The page runs its own scripts, so unlike the PDF printer this browser keeps JavaScript on.
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: FLAGS, userDataDir: tmpDir('web-chromium') });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sel = (p: string) => `[data-path=${JSON.stringify(p)}]`;
const idOf = (p: string) => `f_${p.replace(/^\$\.?/, '').split(/[.[\]]+/).filter(Boolean).join('_')}`;

interface Previews {
  total: number;
  inFlight: number;
  maxInFlight: number;
}

async function openForm(formId: string): Promise<{ page: Page; downloads: string; errors: string[]; previews: Previews }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const previews: Previews = { total: 0, inFlight: 0, maxInFlight: 0 };
  const isPreview = (r: HTTPRequest) => r.headers()['x-vanban-preview'] === '1';
  page.on('request', (r) => {
    if (!isPreview(r)) return;
    previews.total++;
    previews.maxInFlight = Math.max(previews.maxInFlight, ++previews.inFlight);
  });
  for (const done of ['requestfinished', 'requestfailed'] as const) {
    page.on(done, (r) => {
      if (isPreview(r)) previews.inFlight--;
    });
  }
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const downloads = tmpDir('web-downloads');
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  await page.setViewport({ width: 1300, height: 900 });
  await page.goto(`${server.url}/form/${formId}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  return { page, downloads, errors, previews };
}

/** Types into a field as a person does with the keyboard: focus it, select what is there, type over it. */
async function fill(page: Page, p: string, text: string): Promise<void> {
  await page.waitForSelector(sel(p), { visible: true });
  await page.focus(sel(p));
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  expect(await page.$eval(sel(p), (e) => (e as HTMLInputElement).value)).toBe('');
  await page.keyboard.type(text);
}

/** Presses a button from the keyboard. */
async function press(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Enter');
}

async function waitForDownload(dir: string, ext: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const f = fs.readdirSync(dir).find((n) => n.endsWith(ext));
    if (f) return path.join(dir, f);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${ext} downloaded into ${dir}`);
}

const summaryText = (page: Page) => page.$eval('#summary-text', (e) => e.textContent ?? '');

describe('the kế hoạch form', () => {
  let page: Page;
  let downloads: string;
  let errors: string[];
  let previews: Previews;

  beforeAll(async () => {
    ({ page, downloads, errors, previews } = await openForm('ke-hoach'));
  });

  it('is listed on the start page by its Vietnamese name', async () => {
    const start = await browser.newPage();
    await start.goto(`${server.url}/`, { waitUntil: 'load' });
    await start.waitForSelector('body[data-ready]');
    const links = await start.$$eval('#forms a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toHaveLength(6);
    expect(links).toContainEqual(['Kế hoạch tổ chức phong trào thi đua', '/form/ke-hoach']);
    expect(links).toContainEqual(['Báo cáo thành tích đề nghị khen thưởng theo phong trào thi đua', '/form/bao-cao-thanh-tich']);
    await start.close();
  });

  it('starts with a Vietnamese outline and labels every field', async () => {
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Kế hoạch tổ chức phong trào thi đua');
    // The outline of a plan: four headings, the first with two sub-headings.
    expect(await page.$eval(sel('$.noiDung[0].tieuDe'), (e) => (e as HTMLTextAreaElement).value)).toBe('Mục đích, yêu cầu');
    expect(await page.$eval(sel('$.noiDung[3].tieuDe'), (e) => (e as HTMLTextAreaElement).value)).toBe('Tổ chức thực hiện');
    // Every control has a label a screen reader reads, and the required ones are marked.
    const unlabelled = await page.$$eval('#form input, #form select, #form textarea', (els) =>
      els.filter((e) => !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.getAttribute('aria-label')).map((e) => e.outerHTML));
    expect(unlabelled).toEqual([]);
    expect(await page.$eval(`label[for=${idOf('$.trichYeu')}]`, (e) => e.textContent)).toBe('Trích yếu nội dung *');
    expect(await page.$eval(sel('$.trichYeu'), (e) => e.getAttribute('aria-required'))).toBe('true');
    expect(await summaryText(page)).toMatch(/^Còn \d+ lỗi cần sửa\.$/);
  });

  it('shows a wrong date at the field, and clears it once fixed', async () => {
    await fill(page, '$.ngay', '2021-02-30');
    const err = `#${idOf('$.ngay')}-err`;
    await page.waitForFunction((s) => !document.querySelector<HTMLElement>(s)!.hidden, {}, err);
    expect(await page.$eval(err, (e) => e.textContent)).toContain('Ngày «Ngày ban hành» không tồn tại hoặc sai định dạng: "2021-02-30"');
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-describedby'))).toContain(`${idOf('$.ngay')}-err`);
    // Fields not yet touched do not shout.
    expect(await page.$eval(`#${idOf('$.trichYeu')}-err`, (e) => (e as HTMLElement).hidden)).toBe(true);

    await fill(page, '$.ngay', '2021-06-09');
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)!.hidden, {}, err);
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-invalid'))).toBe('false');
  });

  it('is filled in without any JSON, then previews and downloads a PDF with the right text', async () => {
    await fill(page, '$.coQuan.chuQuan', 'UBND quận Hoàng Mai');
    await fill(page, '$.coQuan.ten', 'Hội đồng Thi đua, khen thưởng');
    await fill(page, '$.coQuan.vietTat', 'HĐTĐKT');
    await fill(page, '$.so', '47');
    await fill(page, '$.diaDanh', 'Hoàng Mai');
    await fill(page, '$.trichYeu', 'Tổ chức phong trào thi đua Đẩy mạnh cải cách hành chính');
    await fill(page, '$.noiNhan[0].ten', 'Ban TĐKT Thành phố');
    await fill(page, '$.nguoiKy.chucVu', 'Chủ tịch');
    await fill(page, '$.nguoiKy.hoTen', 'Nguyễn Minh Tâm');
    // A legal basis, added with its button.
    await press(page, `#${idOf('$.canCu')}-add`);
    await fill(page, '$.canCu[0]', 'Căn cứ Luật Thi đua, khen thưởng năm 2022');
    // The empty paragraphs of the outline.
    const blanks = await page.$$eval('#form textarea', (els) => els.filter((e) => (e as HTMLTextAreaElement).value === '').map((e) => e.getAttribute('data-path')!));
    expect(blanks.length).toBe(5);
    for (const [i, p] of blanks.entries()) await fill(page, p, `Nội dung đoạn số ${i + 1} của kế hoạch.`);

    await page.waitForFunction(() => document.querySelector('#summary-text')!.textContent!.startsWith('Không có lỗi'), { timeout: 10_000 });
    // The preview follows once the draft is valid.
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('#preview')!.src.startsWith('blob:'), { timeout: 30_000 });
    // Hundreds of keystrokes, yet previews only for valid pauses, never two at once.
    expect(previews.total).toBeGreaterThanOrEqual(1);
    expect(previews.total).toBeLessThanOrEqual(3);
    expect(previews.maxInFlight).toBe(1);

    await press(page, '#download-pdf');
    const file = await waitForDownload(downloads, '.pdf');
    expect(path.basename(file)).toBe('ke-hoach-To-chuc-phong-trao-thi-dua-Day-manh-cai-cach.pdf');
    const text = squash(pdfText(file));
    for (const s of ['UBND QUẬN HOÀNG MAI', 'HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG', 'Số: 47/KH-HĐTĐKT', 'Hoàng Mai, ngày 09 tháng 6 năm 2021', 'KẾ HOẠCH',
      'Tổ chức phong trào thi đua Đẩy mạnh cải cách hành chính', 'Căn cứ Luật Thi đua, khen thưởng năm 2022.', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích',
      'IV. TỔ CHỨC THỰC HIỆN', 'Nội dung đoạn số 5 của kế hoạch', '- Ban TĐKT Thành phố', 'CHỦ TỊCH', 'Nguyễn Minh Tâm']) {
      expect(text).toContain(s);
    }
  });

  it('downloads the DOCX through its button too', async () => {
    await press(page, '#download-docx');
    const file = await waitForDownload(downloads, '.docx');
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the draft across a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    expect(await page.$eval(sel('$.ngay'), (e) => (e as HTMLInputElement).value)).toBe('2021-06-09');
    expect(await page.$eval(sel('$.nguoiKy.hoTen'), (e) => (e as HTMLInputElement).value)).toBe('Nguyễn Minh Tâm');
    expect(await page.$eval(sel('$.canCu[0]'), (e) => (e as HTMLTextAreaElement).value)).toBe('Căn cứ Luật Thi đua, khen thưởng năm 2022');
    await page.waitForFunction(() => document.querySelector('#summary-text')!.textContent!.startsWith('Không có lỗi'), { timeout: 10_000 });
  });

  it('saves the agency, signer and place as the profile of new documents', async () => {
    await press(page, '#save-profile');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã lưu'));
    const profile = await page.evaluate(() => JSON.parse(localStorage.getItem('vanban.profile')!));
    expect(profile).toEqual({
      coQuan: { chuQuan: 'UBND quận Hoàng Mai', ten: 'Hội đồng Thi đua, khen thưởng', vietTat: 'HĐTĐKT' },
      diaDanh: 'Hoàng Mai',
      nguoiKy: { chucVu: 'Chủ tịch', hoTen: 'Nguyễn Minh Tâm' },
    });
  });

  it('ran without a script error', () => {
    expect(errors).toEqual([]);
  });
});

describe('the báo cáo thành tích form', () => {
  it('starts from the saved profile, is filled in with choosers and repeatable groups, and downloads its PDF', async () => {
    const { page, downloads, errors } = await openForm('bao-cao-thanh-tich');
    // The profile saved on the kế hoạch page fills the agency and place of a new report.
    expect(await page.$eval(sel('$.coQuan.ten'), (e) => (e as HTMLInputElement).value)).toBe('Hội đồng Thi đua, khen thưởng');
    expect(await page.$eval(sel('$.diaDanh'), (e) => (e as HTMLInputElement).value)).toBe('Hoàng Mai');
    // Award keys are offered by their Vietnamese names.
    const awards = await page.$$eval(`${sel('$.khenThuong')} option`, (os) => os.map((o) => o.textContent));
    expect(awards).toContain('Chiến sĩ thi đua cơ sở');
    expect(await page.$$eval(`${sel('$.doiTuong')} option`, (os) => os.map((o) => o.textContent))).toEqual(['— Chọn —', 'Tập thể', 'Cá nhân']);

    // The agency name on two lines: the first line typed, then a second added.
    await fill(page, '$.coQuan.ten', 'Ủy ban nhân dân');
    await press(page, `#${idOf('$.coQuan.ten')}-addline`);
    await fill(page, '$.coQuan.ten[1]', 'phường Tân Mai');
    expect(await page.$eval(sel('$.coQuan.ten[0]'), (e) => (e as HTMLInputElement).value)).toBe('Ủy ban nhân dân');
    await fill(page, '$.ngay', '2024-05');
    await fill(page, '$.ten', 'Lê Văn Bình');
    await fill(page, '$.chucVu', 'Chuyên viên');
    await page.select(sel('$.khenThuong'), 'chien-si-thi-dua-co-so');
    await fill(page, '$.phongTrao.ten', 'Đẩy mạnh cải cách hành chính');
    await fill(page, '$.soLuoc.ngaySinh', '12/3/1988');
    await fill(page, '$.soLuoc.gioiTinh', 'Nam');
    // The first achievement is a paragraph; turn it into a heading: its text is kept.
    await fill(page, '$.thanhTich[0]', 'Kết quả công tác năm 2023');
    await page.select(`#${idOf('$.thanhTich[0]')}-kind`, '2');
    expect(await page.$eval(sel('$.thanhTich[0].tieuDe'), (e) => (e as HTMLTextAreaElement).value)).toBe('Kết quả công tác năm 2023');
    await press(page, `#${idOf('$.thanhTich[0].noiDung')}-add1`);
    await fill(page, '$.thanhTich[0].noiDung[0].gach', 'Giải quyết **100%** hồ sơ đúng hạn');
    await press(page, `#${idOf('$.danhHieuTruoc')}-add`);
    await fill(page, '$.danhHieuTruoc[0].nam', '2023');
    await fill(page, '$.danhHieuTruoc[0].ten', 'Lao động tiên tiến');
    await fill(page, '$.danhHieuTruoc[0].quyetDinh', 'Quyết định số 12/QĐ-UBND ngày 20/12/2023');
    await fill(page, '$.nguoiBaoCao', 'Lê Văn Bình');

    await page.waitForFunction(() => document.querySelector('#summary-text')!.textContent!.startsWith('Không có lỗi'), { timeout: 10_000 });
    await press(page, '#download-pdf');
    const text = squash(pdfText(await waitForDownload(downloads, '.pdf')));
    for (const s of ['BÁO CÁO THÀNH TÍCH', 'Lê Văn Bình', 'Chuyên viên', 'Kết quả công tác năm 2023', '- Giải quyết 100% hồ sơ đúng hạn', 'Lao động tiên tiến',
      'Quyết định số 12/QĐ-UBND ngày 20/12/2023', 'Hoàng Mai, ngày tháng 5 năm 2024']) {
      expect(text).toContain(s);
    }
    expect(text.toLocaleLowerCase('vi')).toContain('chiến sĩ thi đua cơ sở');
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG TÂN MAI');
    expect(errors).toEqual([]);
  });
});

describe('on a server with a login', () => {
  it('sends the clerk to the login page and back, checks the draft with the session’s CSRF token, and logs out', async () => {
    const { AccountStore } = await import('../src/server/accounts');
    const users = path.join(tmpDir('web-users'), 'users.json');
    await AccountStore.open(users).setPassword('van-thu', 'Mật khẩu đủ dài');
    const guarded = await startServer({ port: 0, login: true, usersFile: users, log: () => undefined });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const validations: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/validate/')) validations.push(r.status());
    });
    try {
      await page.goto(`${guarded.url}/form/ke-hoach`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.waitForSelector('body[data-ready]');
      await page.type('#name', 'van-thu');
      await page.type('#password', 'mật khẩu sai');
      await press(page, '#submit');
      await page.waitForFunction(() => (document.getElementById('message')?.textContent ?? '').includes('Sai tên đăng nhập'));
      await page.type('#password', 'Mật khẩu đủ dài');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), press(page, '#submit')]);
      expect(new URL(page.url()).pathname).toBe('/form/ke-hoach');
      await page.waitForSelector('body[data-ready]');
      await page.waitForFunction(() => !(document.getElementById('summary-text')?.textContent ?? '').startsWith('Đang kiểm tra'));
      expect(validations.length).toBeGreaterThan(0);
      expect(validations.every((s) => s === 200)).toBe(true);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#logout')]);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.goto(`${guarded.url}/`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await guarded.close();
    }
  });
});
