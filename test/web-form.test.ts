// The web form in a real Chromium: fill a kế hoạch and a báo cáo thành tích, see errors at the field, download, reload.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server/app';
import { docxPart, docxText, pdfText, renderAll, squash, tmpDir } from './helpers';
import { done, fill, fillPlan, idOf, openFile, openForm, press, PROFILE, sel, summaryText, waitForDownload, web } from './web-helpers';

describe('the kế hoạch form', () => {
  it('is listed on the start page by its Vietnamese name', async () => {
    const context = await web.browser.createBrowserContext();
    const start = await context.newPage();
    await start.goto(`${web.server.url}/`, { waitUntil: 'load' });
    await start.waitForSelector('body[data-ready]');
    const links = await start.$$eval('#forms a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toHaveLength(6);
    // In the order of the work, each with a line on when to use it, and no technical ids.
    expect(links.map(([, href]) => href)).toEqual(['/form/ke-hoach', '/form/phat-dong', '/form/ho-so-khen-thuong', '/form/to-trinh', '/form/bien-ban', '/form/bao-cao-thanh-tich']);
    expect(links).toContainEqual(['Kế hoạch tổ chức phong trào thi đua', '/form/ke-hoach']);
    expect(links).toContainEqual(['Báo cáo thành tích đề nghị khen thưởng theo phong trào thi đua', '/form/bao-cao-thanh-tich']);
    const whens = await start.$$eval('#forms li', (lis) => lis.map((li) => li.querySelector('.when')?.textContent ?? ''));
    for (const w of whens) expect(w.length).toBeGreaterThan(30);
    const text = await start.$eval('#forms', (e) => e.textContent ?? '');
    expect(text).not.toMatch(/ke-hoach|ho-so-khen-thuong|bao-cao-thanh-tich/);
    await context.close();
  });

  it('starts with a Vietnamese outline and labels every field', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
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
    // A new form counts the boxes still to fill, in the clerk's words, not errors.
    expect(await summaryText(page)).toMatch(/^Văn bản mới: còn \d+ ô cần điền\.$/);
    await done(o);
  });

  it('shows a wrong date at the field, and clears it once fixed', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fill(page, '$.ngay', '2021-02-30');
    const err = `#${idOf('$.ngay')}-err`;
    await page.waitForFunction((s) => !document.querySelector<HTMLElement>(s)!.hidden, {}, err);
    expect(await page.$eval(err, (e) => e.textContent)).toContain('Ngày «Ngày ban hành» không có trên lịch: "2021-02-30"');
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-describedby'))).toContain(`${idOf('$.ngay')}-err`);
    // Fields not yet touched do not shout.
    expect(await page.$eval(`#${idOf('$.trichYeu')}-err`, (e) => (e as HTMLElement).hidden)).toBe(true);

    await fill(page, '$.ngay', '2021-06-09');
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)!.hidden, {}, err);
    expect(await page.$eval(sel('$.ngay'), (e) => e.getAttribute('aria-invalid'))).toBe('false');
    await done(o);
  });

  it('is filled in without any JSON, then previews only valid drafts, one at a time, and downloads a PDF and a DOCX with the right text', async () => {
    const o = await openForm('ke-hoach');
    const { page, downloads, previews } = o;
    await fillPlan(page);
    // The preview follows once the draft is valid.
    await page.waitForFunction(() => document.body.dataset.previewVersion !== undefined, { timeout: 30_000 });
    // Hundreds of keystrokes, yet a preview is asked for only a draft the server finds valid, never two at once.
    expect(previews.bodies.length).toBeGreaterThanOrEqual(1);
    for (const body of previews.bodies) {
      const r = await fetch(`${web.server.url}/api/validate/ke-hoach`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(r.status, body.slice(0, 200)).toBe(200);
    }
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

    await press(page, '#download-docx');
    const docx = await waitForDownload(downloads, '.docx');
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(docxText(docxPart(docx, 'word/document.xml'))).toContain('Nội dung đoạn số 5 của kế hoạch');
    await done(o);
  });

  it('keeps the draft across a reload', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fillPlan(page);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    // Shown as the document prints it (NĐ 30: the month without a leading zero from March on).
    expect(await page.$eval(sel('$.ngay'), (e) => (e as HTMLInputElement).value)).toBe('09/6/2021');
    expect(await page.$eval(sel('$.nguoiKy.hoTen'), (e) => (e as HTMLInputElement).value)).toBe('Nguyễn Minh Tâm');
    expect(await page.$eval(sel('$.canCu[0]'), (e) => (e as HTMLTextAreaElement).value)).toBe('Căn cứ Luật Thi đua, khen thưởng năm 2022');
    await page.waitForFunction(() => document.querySelector('#summary-text')!.textContent!.startsWith('Không có lỗi'), { timeout: 10_000 });
    await done(o);
  });

  it('saves the agency, signer and place as the profile of new documents', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fillPlan(page);
    await press(page, '#save-profile');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã lưu'));
    // Said on the page too, not only to screen readers.
    expect(await page.$eval('#notice', (e) => [(e as HTMLElement).hidden, e.querySelector('#notice-text')!.textContent])).toEqual([false, 'Đã lưu cơ quan, người ký và địa danh cho các văn bản mới.']);
    const profile = await page.evaluate(() => JSON.parse(localStorage.getItem('vanban.profile')!));
    expect(profile).toEqual(PROFILE);
    await done(o);
  });
});

describe('the báo cáo thành tích form', () => {
  it('starts from the saved profile, is filled in with choosers and repeatable groups, and downloads its PDF', async () => {
    const o = await openForm('bao-cao-thanh-tich', { profile: PROFILE });
    const { page, downloads } = o;
    // The profile saved on another form fills the agency and place of a new report.
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
    await done(o);
  });
});

describe('files brought in', () => {
  const valueAt = (page: Page, p: string) => page.$eval(sel(p), (e) => (e as HTMLInputElement).value);

  it('opens last year’s Word document as a new draft of the kế hoạch, its parts in their fields', async () => {
    const out = tmpDir('web-docx');
    const report = await renderAll(['data/campaigns/ke-hoach-hoang-mai-2021.json'], out, ['docx']);
    const docx = report.jobs[0]!.files.find((f) => f.endsWith('.docx'))!;
    const original = JSON.parse(fs.readFileSync('data/campaigns/ke-hoach-hoang-mai-2021.json', 'utf8'));
    const o = await openForm('ke-hoach');
    const { page } = o;
    await openFile(page, docx);
    await page.waitForFunction((s) => (document.querySelector<HTMLInputElement>(s)?.value ?? '') !== '', { timeout: 20_000 }, sel('$.trichYeu'));
    expect(await valueAt(page, '$.trichYeu')).toBe(original.trichYeu);
    expect(await valueAt(page, '$.so')).toBe(String(original.so));
    // A mục heading is printed in capitals (§1.4.1 B) and comes back as printed.
    expect(await valueAt(page, '$.noiDung[0].tieuDe')).toBe(original.noiDung[0].tieuDe.toLocaleUpperCase('vi'));
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã mở'));
    await done(o);
  });

  it('imports a nominee spreadsheet into a hồ sơ: new votes in, every report kept, a refused row named', async () => {
    const o = await openForm('ho-so-khen-thuong');
    const { page } = o;
    await openFile(page, path.resolve('data/nominations/ho-so-xa-2025.json'));
    await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(s)?.value === 'Ngô Thanh Tùng', { timeout: 20_000 }, sel('$.deCu[1].ten'));
    const csv = fs.readFileSync('data/nominations/danh-sach-de-nghi.csv', 'utf8').split('\n');
    csv[4] = csv[4]!.replace(/,\d+$/, ',7');
    csv[6] = csv[6]!.replace(/,\d+$/, ',mười');
    const sheet = path.join(tmpDir('web-sheet'), 'danh-sach.csv');
    fs.writeFileSync(sheet, csv.join('\n'));
    await openFile(page, sheet);
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã nhập 5'), { timeout: 20_000 });
    expect(await page.$eval('#status', (e) => e.textContent)).toContain('1 dòng không nhập được: Trang "danh-sach", dòng 7');
    expect(await valueAt(page, '$.deCu[1].phieuDongY')).toBe('7');
    expect(await valueAt(page, '$.deCu[2].baoCao.soLuoc.ngaySinh')).toBe('17/9/1994');
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('vanban.draft.ho-so-khen-thuong') ?? 'null'));
    expect(draft?.deCu?.length).toBe(6);
    await done(o);
  });
});

describe('the body as text', () => {
  it('takes five pasted lines with typed numbers as five paragraphs at their levels, numbered once, and Tab changes a level', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await page.click('#body-editor summary');
    await page.waitForFunction(() => document.querySelectorAll('#body-outline li').length > 0);
    // The outline of a new plan, as it will print.
    expect(await page.$$eval('#body-outline li', (ls) => ls.map((l) => l.textContent))).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    await page.focus('#body-text');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    // Five lines pasted from Word, numbered by hand.
    await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('#body-text')!;
      area.value = 'I. Mục đích, yêu cầu\n1. Mục đích\n2. Yêu cầu\nII. Tổ chức thực hiện\nGiao Văn phòng theo dõi, đôn đốc.';
      area.dispatchEvent(new Event('input'));
    });
    const printed = () => page.$$eval('#body-outline li', (ls) => ls.map((l) => l.textContent));
    await page.waitForFunction(() => document.querySelector('#body-outline li:last-child')?.textContent === 'Giao Văn phòng theo dõi, đôn đốc.');
    expect(await printed()).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II. TỔ CHỨC THỰC HIỆN', 'Giao Văn phòng theo dõi, đôn đốc.']);
    // Tab on the last line makes it a dash item; Shift+Tab on the third makes it a heading of the first level.
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#body-outline li:last-child')?.textContent === '- Giao Văn phòng theo dõi, đôn đốc.');
    await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('#body-text')!;
      const at = area.value.indexOf('2. Yêu cầu');
      area.setSelectionRange(at + 3, at + 3);
    });
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => document.querySelectorAll('#body-outline li')[2]?.textContent === 'II. YÊU CẦU');
    expect(await printed()).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'II. YÊU CẦU', 'III. TỔ CHỨC THỰC HIỆN', '- Giao Văn phòng theo dõi, đôn đốc.']);
    await press(page, '#body-apply');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã dùng nội dung'));
    expect(await page.$eval(sel('$.noiDung[0].tieuDe'), (e) => (e as HTMLTextAreaElement).value)).toBe('Mục đích, yêu cầu');
    expect(await page.$eval(sel('$.noiDung[0].noiDung[0].tieuDe'), (e) => (e as HTMLTextAreaElement).value)).toBe('Mục đích');
    expect(await page.$eval(sel('$.noiDung[2].noiDung[0].gach'), (e) => (e as HTMLTextAreaElement).value)).toBe('Giao Văn phòng theo dõi, đôn đốc.');
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('vanban.draft.ke-hoach') ?? 'null'));
    expect(draft.noiDung).toEqual([
      { tieuDe: 'Mục đích, yêu cầu', noiDung: [{ tieuDe: 'Mục đích' }] },
      { tieuDe: 'Yêu cầu' },
      { tieuDe: 'Tổ chức thực hiện', noiDung: [{ gach: 'Giao Văn phòng theo dõi, đôn đốc.' }] },
    ]);
    await done(o);
  });
});

describe('on a server with a login', () => {
  it('sends the clerk to the login page and back, checks the draft with the session’s CSRF token, and logs out', async () => {
    const { AccountStore } = await import('../src/server/accounts');
    const users = path.join(tmpDir('web-users'), 'users.json');
    await AccountStore.open(users).setPassword('van-thu', 'Mật khẩu đủ dài');
    const guarded = await startServer({ port: 0, login: true, usersFile: users, log: () => undefined });
    const page = await web.browser.newPage();
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
