// The web form a clerk can trust, in a real Chromium from the keyboard and the mouse: nothing lost (undo, questions
// before deleting or replacing, named drafts, two tabs), messages on the page, an honest preview, dates and numbers as
// clerks write them, errors that keep the page still, boxes that fit the subject, the dossier's nominees, the start
// page, and the clicks a two-page plan takes.
import fs from 'node:fs';
import path from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server/app';
import { pdfText, renderAll, tmpDir } from './helpers';
import { done, fill, idOf, openFile, openForm, press, sel, summaryText, waitForDownload, web } from './web-helpers';

const dir = tmpDir('web-trust');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const valueAt = (page: Page, p: string) => page.$eval(sel(p), (e) => (e as HTMLInputElement).value);
const draftOf = (page: Page, formId: string) => page.evaluate((f) => JSON.parse(localStorage.getItem(`vanban.draft.${f}`) ?? 'null'), formId);
const items = (page: Page, p: string) => page.$$eval(`${sel(p)} > ol.items > li`, (l) => l.length);
const noticeText = (page: Page) => page.$eval('#notice', (e) => ((e as HTMLElement).hidden ? '' : e.textContent ?? ''));
const ctrl = async (page: Page, key: KeyInput) => {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
};
/** The delete button of a list item (the last of its tools). */
const deleteOf = (p: string) => `#${idOf(p)}-item > .item-head .tools > button:last-child`;

describe('nothing is lost', () => {
  it('asks before deleting a section that holds text, deletes an empty one at once, and Ctrl+Z / Ctrl+Y take it back and again', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fill(page, '$.noiDung[1].noiDung[0]', 'Thi đua hoàn thành xuất sắc nhiệm vụ năm');
    expect(await items(page, '$.noiDung')).toBe(4);
    let asked = '';
    page.on('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await press(page, deleteOf('$.noiDung[1]'));
    expect(asked).toMatch(/^Xóa .*Nội dung thi đua.*hoàn tác bằng Ctrl\+Z/s);
    expect(await items(page, '$.noiDung')).toBe(4);

    page.removeAllListeners('dialog');
    page.on('dialog', (d) => void d.accept());
    await press(page, deleteOf('$.noiDung[1]'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, {}, `${sel('$.noiDung')} > ol.items > li`);
    expect((await draftOf(page, 'ke-hoach')).noiDung).toHaveLength(3);

    await ctrl(page, 'KeyZ');
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 4, {}, `${sel('$.noiDung')} > ol.items > li`);
    expect(await valueAt(page, '$.noiDung[1].tieuDe')).toBe('Nội dung thi đua');
    expect(await valueAt(page, '$.noiDung[1].noiDung[0]')).toBe('Thi đua hoàn thành xuất sắc nhiệm vụ năm');
    expect((await draftOf(page, 'ke-hoach')).noiDung[1].noiDung[0]).toBe('Thi đua hoàn thành xuất sắc nhiệm vụ năm');
    await ctrl(page, 'KeyY');
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, {}, `${sel('$.noiDung')} > ol.items > li`);
    // The toolbar's buttons do the same.
    await press(page, '#undo');
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 4, {}, `${sel('$.noiDung')} > ol.items > li`);

    // An empty legal basis goes without a question.
    page.removeAllListeners('dialog');
    asked = '';
    page.on('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await press(page, `#${idOf('$.canCu')}-add`);
    await page.waitForSelector(sel('$.canCu[0]'));
    await press(page, deleteOf('$.canCu[0]'));
    await page.waitForFunction((s) => !document.querySelector(s), {}, sel('$.canCu[0]'));
    expect(asked).toBe('');
    await done(o);
  });

  it('keeps several named drafts, lists a form on the start page only once something was typed, and opens each again', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    const startPage = async () => {
      await page.goto(`${web.server.url}/`, { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready]');
      return page.$eval('#forms', (e) => e.textContent ?? '');
    };
    const back = async () => {
      await page.goto(`${web.server.url}/form/ke-hoach`, { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready]');
    };
    // Opening a form is not a draft.
    expect(await startPage()).not.toMatch(/bản nháp/i);
    await back();
    await fill(page, '$.trichYeu', 'Kế hoạch thi đua năm 2026');
    await sleep(200);
    expect(await startPage()).toContain('Có bản nháp: Bản nháp 1');
    await back();
    expect(await valueAt(page, '$.trichYeu')).toBe('Kế hoạch thi đua năm 2026');

    page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? 'Kế hoạch chuyên đề' : undefined));
    await press(page, '#new-draft');
    await page.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
    expect(await valueAt(page, '$.trichYeu')).toBe('');
    await fill(page, '$.trichYeu', 'Kế hoạch thi đua chuyên đề chuyển đổi số');
    await page.select('#draft-select', 'chinh');
    await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(s)?.value === 'Kế hoạch thi đua năm 2026', {}, sel('$.trichYeu'));
    const names = await page.$$eval('#draft-select option', (os) => os.map((x) => x.textContent));
    expect(names.sort()).toEqual(['Bản nháp 1', 'Kế hoạch chuyên đề']);
    expect(await startPage()).toMatch(/Có 2 bản nháp: (Kế hoạch chuyên đề, Bản nháp 1|Bản nháp 1, Kế hoạch chuyên đề)/);
    await done(o);
  });

  it('tells two tabs on one draft of each other, never lets one overwrite the other, and keeps both when asked', async () => {
    const o = await openForm('ke-hoach');
    const a = o.page;
    await fill(a, '$.trichYeu', 'Kế hoạch gõ ở thẻ thứ nhất');
    const b = await a.browserContext().newPage();
    const errorsB: string[] = [];
    b.on('pageerror', (e) => errorsB.push(String(e)));
    await b.setViewport({ width: 1300, height: 900 });
    await b.goto(`${web.server.url}/form/ke-hoach`, { waitUntil: 'load' });
    await b.waitForSelector('body[data-ready]');
    expect(await valueAt(b, '$.trichYeu')).toBe('Kế hoạch gõ ở thẻ thứ nhất');
    for (const p of [a, b]) await p.waitForFunction(() => (document.querySelector('#notice-text')?.textContent ?? '').includes('đang mở ở một thẻ khác'));

    await fill(b, '$.trichYeu', 'Kế hoạch sửa ở thẻ thứ hai');
    await a.waitForFunction(() => (document.querySelector('#notice-text')?.textContent ?? '').includes('vừa được sửa ở một thẻ khác'));
    expect(await a.$eval('#notice-action', (e) => [(e as HTMLElement).hidden, e.textContent])).toEqual([false, 'Dùng bản ở thẻ kia']);
    expect(await a.$eval('#notice-action2', (e) => e.textContent)).toBe('Giữ bản này thành bản nháp mới');
    // What the first tab types now does not overwrite the second tab's draft.
    await fill(a, '$.trichYeu', 'Kế hoạch thẻ thứ nhất sửa tiếp');
    await sleep(300);
    expect((await draftOf(a, 'ke-hoach')).trichYeu).toBe('Kế hoạch sửa ở thẻ thứ hai');
    await press(a, '#notice-action2');
    await a.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2);
    const kept = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vanban.draft.ke-hoach')).map((k) => JSON.parse(localStorage.getItem(k)!).trichYeu).sort());
    expect(kept).toEqual(['Kế hoạch sửa ở thẻ thứ hai', 'Kế hoạch thẻ thứ nhất sửa tiếp']);
    expect(errorsB).toEqual([]);
    await done(o);
  });

  it('asks before a file replaces the draft being typed, and Ctrl+Z brings the draft back', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fill(page, '$.trichYeu', 'Bản đang soạn dở');
    let asked = '';
    page.on('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    const [chooser] = await Promise.all([page.waitForFileChooser(), press(page, '#import-json')]);
    await chooser.accept([path.resolve('data/campaigns/ke-hoach-hoang-mai-2021.json')]);
    await page.waitForFunction(() => true);
    await sleep(300);
    expect(asked).toContain('Thay bản nháp đang mở');
    expect(await valueAt(page, '$.trichYeu')).toBe('Bản đang soạn dở');

    await openFile(page, path.resolve('data/campaigns/ke-hoach-hoang-mai-2021.json'));
    const original = JSON.parse(fs.readFileSync('data/campaigns/ke-hoach-hoang-mai-2021.json', 'utf8'));
    await page.waitForFunction((s, t) => document.querySelector<HTMLInputElement>(s)?.value === t, {}, sel('$.trichYeu'), original.trichYeu);
    await ctrl(page, 'KeyZ');
    await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(s)?.value === 'Bản đang soạn dở', {}, sel('$.trichYeu'));
    await done(o);
  });
});

describe('blocks named as printed', () => {
  it('calls each body block by its printed number and names it in the list of errors', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    const title = (p: string) => page.$eval(`#${idOf(p)}-title`, (e) => e.textContent ?? '');
    expect(await title('$.noiDung[0]')).toMatch(/^Mục I(:|$)/);
    expect(await title('$.noiDung[3]')).toMatch(/^Mục IV(:|$)/);
    expect(await title('$.noiDung[0].noiDung[1]')).toMatch(/^Khoản 2(:|$)/);
    await fill(page, '$.noiDung[1].tieuDe', '');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#summary-list button')).some((b) => (b.textContent ?? '').includes('(Mục II)')), { timeout: 10_000 });
    await done(o);
  });
});

describe('messages a sighted clerk sees', () => {
  it('shows a wrong file and a server stopped mid-session on the page, with Thử lại that works once the server is back', async () => {
    const own = await startServer({ port: 0, log: () => undefined });
    const port = Number(new URL(own.url).port);
    const o = await openForm('ke-hoach', { server: own });
    const { page } = o;
    const bad = path.join(dir, 'hong.json');
    fs.writeFileSync(bad, 'đây không phải JSON');
    await openFile(page, bad);
    await page.waitForFunction(() => (document.querySelector('#notice-text')?.textContent ?? '').includes('không mở được'));
    const visible = await page.$eval('#notice', (e) => {
      const r = e.getBoundingClientRect();
      return r.height > 10 && r.width > 100 && getComputedStyle(e).visibility === 'visible';
    });
    expect(visible).toBe(true);

    await own.close();
    await fill(page, '$.trichYeu', 'Gõ tiếp khi máy chủ đã dừng');
    await page.waitForFunction(() => (document.querySelector('#notice-text')?.textContent ?? '').includes('máy chủ không trả lời'), { timeout: 15_000 });
    expect(await page.$eval('#notice-action', (e) => [(e as HTMLElement).hidden, e.textContent])).toEqual([false, 'Thử lại']);
    // Nothing typed is lost meanwhile.
    expect((await draftOf(page, 'ke-hoach')).trichYeu).toBe('Gõ tiếp khi máy chủ đã dừng');

    const again = await startServer({ port, log: () => undefined });
    try {
      await press(page, '#notice-action');
      await page.waitForFunction(() => (document.querySelector('#notice') as HTMLElement).hidden);
      await page.waitForFunction(() => /^Văn bản mới|^Còn/.test(document.querySelector('#summary-text')?.textContent ?? ''));
    } finally {
      await again.close();
    }
    // The browser logs each refused connection; the page's own scripts raised nothing.
    expect(o.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
    await page.browserContext().close();
  });
});

describe('an honest preview', () => {
  it('shows a draft with its gaps marked, is greyed and says why when the draft cannot be printed, and its time from the last keystroke is measured', async () => {
    const o = await openForm('ke-hoach');
    const { page, previews } = o;
    // A one-page plan opened from its file (typing one in is tested in test/web-form.test.ts).
    await openFile(page, path.resolve('test/fixtures/minimal-ke-hoach.json'));
    await page.waitForFunction(() => document.body.dataset.previewVersion !== undefined, { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('#preview-pane')!.classList.contains('stale'));
    // An empty box: the preview goes on, the box printed as "[…]" and the preview marked as a draft.
    await fill(page, '$.trichYeu', '');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#preview-pane')!.classList.contains('draft'), { timeout: 10_000 });
    expect(await page.$eval('#preview-stale', (e) => e.textContent)).toBe('Bản xem trước tạm: 1 chỗ ghi "[…]" còn phải điền.');
    expect(JSON.parse(previews.bodies.at(-1)!).trichYeu).toBe('[…]');
    // A date with no such day has no stand-in: the last preview stays, greyed, and says why.
    await fill(page, '$.ngay', '31/02/2021');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#preview-pane')!.classList.contains('stale'), { timeout: 10_000 });
    expect(await page.$eval('#preview-stale', (e) => e.textContent)).toMatch(/^Bản xem trước đã cũ \(văn bản còn 2 lỗi\)/);
    expect(await page.$eval('#preview-state', (e) => e.textContent)).not.toContain('đã cập nhật');
    await fill(page, '$.ngay', '09/6/2021');
    await fill(page, '$.trichYeu', 'Tổ chức phong trào thi đua năm 2021');
    await page.waitForFunction(() => !document.querySelector('#preview-pane')!.matches('.stale, .draft'), { timeout: 10_000 });
    // Every preview asked for, full or draft, is a draft the server accepts; never two at once.
    for (const body of previews.bodies) {
      const r = await fetch(`${web.server.url}/api/validate/ke-hoach`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(r.status, body.slice(0, 200)).toBe(200);
    }
    expect(previews.maxInFlight).toBe(1);

    // From the last keystroke to the new PDF in the viewer, on a warm server.
    const times: number[] = [];
    for (let k = 0; k < 9; k++) {
      const before = await page.evaluate(() => document.body.dataset.previewVersion);
      await page.focus(sel('$.trichYeu'));
      await page.keyboard.press('End');
      await page.keyboard.type(String(k));
      const t0 = Date.now();
      await page.waitForFunction((v) => document.body.dataset.previewVersion !== v && !document.querySelector('#preview-pane')!.classList.contains('stale'), { timeout: 20_000, polling: 10 }, before);
      times.push(Date.now() - t0);
    }
    times.sort((x, y) => x - y);
    const p50 = times[Math.floor(times.length / 2)]!;
    fs.writeFileSync(path.join(dir, 'preview-p50.txt'), `${p50}\n`);
    console.info(`preview from the last keystroke: p50 ${p50} ms, ${times.join(', ')} ms`);
    expect(await page.$eval(sel('$.trichYeu'), (e) => (e as HTMLInputElement).value)).toBe('Tổ chức phong trào thi đua năm 2021012345678');
    await done(o);
  });
});

describe('words of the clerk, and a phone', () => {
  it('names the agency’s and the council’s abbreviations apart and shows no value keys in the help of a chooser', async () => {
    const o = await openForm('ho-so-khen-thuong');
    const { page } = o;
    const labelOf = (p: string) => page.$eval(`#${idOf(p)}-label`, (e) => e.textContent ?? '');
    expect(await labelOf('$.coQuan.vietTat')).not.toBe(await labelOf('$.hoiDong.vietTat'));
    expect(await labelOf('$.hoiDong.vietTat')).toContain('Hội đồng');
    const helps = await page.$$eval('#form .help', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(helps.filter((h) => /"(tap-the|ca-nhan|chien-si-thi-dua-toan-quoc|phong-trao)"|\["Ủy ban/.test(h))).toEqual([]);
    await done(o);
  });

  it('on a phone, reaches the preview from anywhere in the form with one tap', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    const jump = '.hint .jump';
    expect(await page.$eval(jump, (e) => getComputedStyle(e).position)).toBe('fixed');
    await page.$eval(sel('$.nguoiKy.hoTen'), (e) => e.scrollIntoView());
    await page.tap(jump);
    await page.waitForFunction(() => {
      const r = document.querySelector('#preview-pane')!.getBoundingClientRect();
      return r.top >= -2 && r.top < 100;
    }, { timeout: 5_000 });
    await done(o);
  });
});

describe('the preview keeps its place', () => {
  it('stays on the page and at the zoom being read when the next version comes', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await openFile(page, path.resolve('data/campaigns/ke-hoach-hanh-minh-2024.json'));
    await page.waitForFunction(() => document.body.dataset.previewVersion !== undefined, { timeout: 30_000 });
    const pages = await page.$$eval('#preview canvas.pdf-page', (cs) => cs.map((c) => c.getAttribute('aria-label')));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toBe(`Trang 1 / ${pages.length}`);
    await press(page, '#zoom-in');
    await page.waitForFunction(() => document.querySelector('#zoom-level')?.textContent === '125%');
    const width = await page.$eval('#preview canvas.pdf-page', (c) => (c as HTMLCanvasElement).getBoundingClientRect().width);
    // The clerk reads page 4.
    const top = await page.$eval('#preview', (box) => {
      const fourth = box.querySelectorAll('canvas')[3] as HTMLCanvasElement;
      box.scrollTop = fourth.offsetTop - (box as HTMLElement).offsetTop;
      return box.scrollTop;
    });
    expect(top).toBeGreaterThan(1000);
    const before = await page.evaluate(() => document.body.dataset.previewVersion);
    await page.focus(sel('$.trichYeu'));
    await page.keyboard.press('End');
    await page.keyboard.type(' mới');
    await page.waitForFunction((v) => document.body.dataset.previewVersion !== v, { timeout: 20_000 }, before);
    expect(await page.$eval('#preview', (box) => box.scrollTop)).toBe(top);
    expect(await page.$eval('#zoom-level', (e) => e.textContent)).toBe('125%');
    expect(await page.$eval('#preview canvas.pdf-page', (c) => (c as HTMLCanvasElement).getBoundingClientRect().width)).toBe(width);
    // The PDF itself stays one click away.
    expect(await page.$eval('#preview-open', (a) => [(a as HTMLAnchorElement).hidden, (a as HTMLAnchorElement).href.startsWith('blob:')])).toEqual([false, true]);
    await done(o);
  });
});

describe('dates and numbers as clerks write them', () => {
  it('takes 2/12/2026 and 02/12/2026, shows the date as printed, tells a day not on the calendar apart, and reads 215/KH-UBND', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await fill(page, '$.ngay', '2/12/2026');
    await page.keyboard.press('Tab');
    await sleep(200);
    expect((await draftOf(page, 'ke-hoach')).ngay).toBe('2026-12-02');
    await fill(page, '$.ngay', '31/02/2026');
    await page.keyboard.press('Tab');
    const err = `#${idOf('$.ngay')}-err`;
    await page.waitForFunction((s) => (document.querySelector(s)?.textContent ?? '').includes('không có trên lịch'), { timeout: 10_000 }, err);
    await fill(page, '$.ngay', '09/6/2021');
    await page.keyboard.press('Tab');
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)!.hidden, { timeout: 10_000 }, err);

    await fill(page, '$.coQuan.vietTat', 'UBND');
    await fill(page, '$.so', '215/KH-UBND');
    const note = `#${idOf('$.so')}-note`;
    await page.waitForFunction((s) => !document.querySelector<HTMLElement>(s)!.hidden, {}, note);
    expect(await page.$eval(note, (e) => e.textContent)).toBe('Đã hiểu là số 215; ký hiệu KH-UBND đúng với văn bản này.');
    await fill(page, '$.so', '215/QĐ-UBND');
    expect(await page.$eval(note, (e) => e.textContent)).toContain('sẽ in là KH-UBND, không phải QĐ-UBND');
    await sleep(200);
    expect((await draftOf(page, 'ke-hoach')).so).toBe(215);

    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    expect(await valueAt(page, '$.ngay')).toBe('09/6/2021');
    expect(await valueAt(page, '$.so')).toBe('215');
    await done(o);
  });

  it('says a wrong date once, after typing pauses, not at every pause between keystrokes', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    // The field was visited before, so its messages are due.
    await fill(page, '$.ngay', '');
    await page.keyboard.press('Tab');
    await page.focus(sel('$.ngay'));
    await page.evaluate(() => {
      const w = window as unknown as { said: string[] };
      w.said = [];
      new MutationObserver(() => {
        const t = document.querySelector('#status')!.textContent ?? '';
        if (t) w.said.push(t);
      }).observe(document.querySelector('#status')!, { childList: true, characterData: true, subtree: true });
    });
    // A clerk typing with pauses of 0.4 s, each long enough for a check to come back.
    for (const ch of '31/02/2026') {
      await page.keyboard.type(ch);
      await sleep(400);
    }
    await page.waitForFunction((s) => (document.querySelector(s)?.textContent ?? '').includes('không có trên lịch'), { timeout: 10_000 }, `#${idOf('$.ngay')}-err`);
    await sleep(500);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.filter((t) => t.includes('Ngày'))).toHaveLength(1);
    await done(o);
  });

  it('asks the meeting time as a date and a 24-hour time in plain boxes, whatever the browser language', async () => {
    const o = await openForm('bien-ban');
    const { page } = o;
    expect(await page.$eval(sel('$.batDau'), (e) => e.getAttribute('type'))).toBe('text');
    const time = `#${idOf('$.batDau')}-time`;
    expect(await page.$eval(time, (e) => [e.getAttribute('type'), e.getAttribute('aria-label')])).toEqual(['text', 'Giờ (24 giờ) của Thời gian bắt đầu']);
    await fill(page, '$.batDau', '10/12/2021');
    await page.focus(time);
    await page.keyboard.type('8:00');
    await sleep(200);
    expect((await draftOf(page, 'bien-ban')).batDau).toBe('2021-12-10T08:00');
    await page.focus(`#${idOf('$.ketThuc')}-time`);
    await page.keyboard.type('14h30');
    await fill(page, '$.ketThuc', '10/12/2021');
    await sleep(200);
    expect((await draftOf(page, 'bien-ban')).ketThuc).toBe('2021-12-10T14:30');
    await done(o);
  });
});

describe('errors that keep the page still', () => {
  it('shows the message of a field left for a button only after the click, so one click adds a recipient', async () => {
    const o = await openForm('ke-hoach');
    const { page } = o;
    await page.waitForFunction(() => /còn \d+ ô cần điền/.test(document.querySelector('#summary-text')?.textContent ?? ''));
    await page.focus(sel('$.trichYeu'));
    const add = `#${idOf('$.noiNhan')}-add`;
    await page.$eval(add, (e) => e.scrollIntoView({ block: 'center' }));
    const before = (await (await page.$(add))!.boundingBox())!;
    const count = await items(page, '$.noiNhan');
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    await sleep(400);
    const during = (await (await page.$(add))!.boundingBox())!;
    expect(during.y).toBe(before.y);
    await page.mouse.up();
    await page.waitForFunction((s, n) => document.querySelectorAll(s).length === n, {}, `${sel('$.noiNhan')} > ol.items > li`, count + 1);
    // The message of the field left shows once the click is done.
    await page.waitForFunction((s) => !document.querySelector<HTMLElement>(s)!.hidden, { timeout: 10_000 }, `#${idOf('$.trichYeu')}-err`);
    await done(o);
  });
});

describe('boxes that fit the subject, and the dossier', () => {
  it('shows the individual’s boxes for a person and the collective’s for a collective', async () => {
    const o = await openForm('bao-cao-thanh-tich');
    const { page } = o;
    expect(await page.$(sel('$.soLuoc.ngaySinh'))).not.toBeNull();
    expect(await page.$(sel('$.soLuoc.diaChi'))).toBeNull();
    await page.select(sel('$.doiTuong'), 'tap-the');
    await page.waitForSelector(sel('$.soLuoc.diaChi'));
    expect(await page.$(sel('$.soLuoc.ngaySinh'))).toBeNull();
    expect(await page.$(sel('$.soLuoc.dienThoai'))).not.toBeNull();
    await done(o);
  });

  it('counts the vote-threshold warning in the summary; folds, copies and moves nominees; takes a report made in its own form', async () => {
    const o = await openForm('ho-so-khen-thuong');
    const { page } = o;
    await openFile(page, path.resolve('data/nominations/ho-so-hoang-mai-2021.json'));
    const input = JSON.parse(fs.readFileSync('data/nominations/ho-so-hoang-mai-2021.json', 'utf8'));
    await page.waitForFunction((s) => (document.querySelector<HTMLInputElement>(s)?.value ?? '') !== '', { timeout: 20_000 }, sel('$.deCu[0].ten'));
    await page.waitForFunction(() => (document.querySelector('#summary-text')?.textContent ?? '').startsWith('Không có lỗi'), { timeout: 20_000 });
    expect(await summaryText(page)).toMatch(/^Không có lỗi, còn \d+ lưu ý nên xem/);

    const n = await items(page, '$.deCu');
    await press(page, `#${idOf('$.deCu[0]')}-fold`);
    await page.waitForSelector(`#${idOf('$.deCu[0]')}-item.folded`);
    expect(await page.$eval(sel('$.deCu[0].ten'), (e) => (e as HTMLElement).offsetParent === null)).toBe(true);
    expect(await page.$eval(`#${idOf('$.deCu[0]')}-title`, (e) => e.textContent)).toContain(input.deCu[0].ten);

    await press(page, `#${idOf('$.deCu[1]')}-item > .item-head .tools > button[aria-label^="Nhân bản"]`);
    await page.waitForFunction((s, k) => document.querySelectorAll(s).length === k, {}, `${sel('$.deCu')} > ol.items > li`, n + 1);
    expect(await valueAt(page, '$.deCu[2].ten')).toBe(input.deCu[1].ten);
    await press(page, `#${idOf('$.deCu[2]')}-item > .item-head .tools > button[aria-label^="Đưa"][aria-label$="xuống"]`);
    await page.waitForFunction((s, t) => document.querySelector<HTMLInputElement>(s)?.value === t, {}, sel('$.deCu[2].ten'), input.deCu[2].ten);

    // A report written in the báo cáo thành tích form goes into the nominee it is about.
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => void d.accept());
    const report = JSON.parse(fs.readFileSync('test/fixtures/bao-cao-thanh-tich.json', 'utf8'));
    const [chooser] = await Promise.all([page.waitForFileChooser(), press(page, `#${idOf('$.deCu[3]')}-item > .item-head .tools > button[aria-label^="Lấy báo cáo"]`)]);
    await chooser.accept([path.resolve('test/fixtures/bao-cao-thanh-tich.json')]);
    await page.waitForFunction(() => (document.querySelector('#notice-text')?.textContent ?? '').startsWith('Đã đưa báo cáo'), { timeout: 10_000 });
    const draft = await draftOf(page, 'ho-so-khen-thuong');
    expect(draft.deCu[3].baoCao.thanhTich).toEqual(report.thanhTich);
    expect(draft.deCu[3].baoCao.nguoiBaoCao).toBe(report.nguoiBaoCao);
    expect(draft.deCu[3].baoCao.coQuan).toEqual({ chuQuan: report.coQuan.chuQuan, ten: report.coQuan.ten });
    await done(o);
  });
});

describe('last year’s dossier in Word', () => {
  it('puts the hồ sơ together from its tờ trình, biên bản and reports chosen at once', async () => {
    const out = tmpDir('web-dossier-docx');
    const report = await renderAll(['data/nominations/ho-so-xa-2025.json'], out, ['docx']);
    const files = report.jobs[0]!.files.filter((f) => f.endsWith('.docx'));
    const input = JSON.parse(fs.readFileSync('data/nominations/ho-so-xa-2025.json', 'utf8'));
    const o = await openForm('ho-so-khen-thuong');
    const { page } = o;
    page.on('dialog', (d) => void d.accept());
    const [chooser] = await Promise.all([page.waitForFileChooser(), press(page, '#import-json')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.accept(files);
    await page.waitForFunction((n) => (document.querySelector('#notice-text')?.textContent ?? '').startsWith(`Đã ghép hồ sơ từ ${n} văn bản`), { timeout: 30_000 }, files.length);
    const draft = await draftOf(page, 'ho-so-khen-thuong');
    expect(draft.deCu.map((d: { ten: string }) => d.ten)).toEqual(input.deCu.map((d: { ten: string }) => d.ten));
    expect(draft.deCu.map((d: { phieuDongY: number }) => d.phieuDongY)).toEqual(input.deCu.map((d: { phieuDongY: number }) => d.phieuDongY));
    expect(draft.deCu[1].baoCao.thanhTich.length).toBeGreaterThan(0);
    expect(draft.hoiDong.thanhVien).toHaveLength(input.hoiDong.thanhVien.length);
    await page.waitForFunction(() => (document.querySelector('#summary-text')?.textContent ?? '').startsWith('Không có lỗi'), { timeout: 20_000 });
    await done(o);
  });
});

describe('a two-page kế hoạch', () => {
  /** The plan's body as a clerk has it in Word: pasted once into the body editor. */
  const BODY = [
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'Động viên cán bộ, công chức, viên chức và Nhân dân phường thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2026, góp phần xây dựng chính quyền phục vụ.',
    'Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, các mô hình hay, cách làm sáng tạo trong cải cách hành chính và chuyển đổi số.',
    '2. Yêu cầu',
    'Phong trào thi đua được tổ chức thiết thực, hiệu quả, tránh hình thức; gắn với nhiệm vụ chuyên môn của từng cơ quan, đơn vị.',
    'Việc bình xét, khen thưởng bảo đảm công khai, dân chủ, đúng người, đúng thành tích, kịp thời.',
    'II. NỘI DUNG THI ĐUA',
    '1. Thi đua thực hiện cải cách hành chính',
    '- 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết đúng hạn;',
    '- Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 80% trở lên;',
    '- Không có phản ánh, kiến nghị về thái độ phục vụ của cán bộ, công chức.',
    '2. Thi đua thực hiện chuyển đổi số',
    '- Số hóa 100% kết quả giải quyết thủ tục hành chính còn hiệu lực;',
    '- Mỗi tổ dân phố có ít nhất một Tổ công nghệ số cộng đồng hoạt động thường xuyên.',
    '3. Thi đua bảo đảm an sinh xã hội',
    'Chăm lo đời sống người có công, hộ nghèo, hộ cận nghèo; không để hộ gia đình nào thiếu đói trong dịp Tết Nguyên đán.',
    'III. KHEN THƯỞNG',
    '1. Danh hiệu thi đua',
    'Xét tặng danh hiệu "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến" theo quy định của Luật Thi đua, khen thưởng.',
    '2. Hình thức khen thưởng',
    'Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua.',
    'IV. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường',
    'Tham mưu Ủy ban nhân dân phường triển khai Kế hoạch; theo dõi, đôn đốc, tổng hợp kết quả, đề xuất khen thưởng.',
    '2. Các cơ quan, đơn vị',
    'Căn cứ Kế hoạch này xây dựng chương trình thi đua của đơn vị; đăng ký thi đua trước ngày 31/3/2026; báo cáo kết quả trước ngày 30/11/2026.',
    'Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân phường xem xét, giải quyết.',
  ].join('\n');

  it('takes at most half of the 72 clicks it took before, counted with the keystrokes, and prints on two pages', async () => {
    const o = await openForm('ke-hoach');
    const { page, downloads } = o;
    const count = { clicks: 0, keys: 0 };
    /** A click into a box, then typing over what is there. */
    const type = async (p: string, text: string) => {
      await page.focus(sel(p));
      count.clicks++;
      await ctrl(page, 'KeyA');
      await page.keyboard.type(text);
      count.keys += 2 + [...text].length;
    };
    const click = async (selector: string) => {
      await press(page, selector);
      count.clicks++;
    };
    await type('$.coQuan.chuQuan', 'UBND quận Hoàng Mai');
    await type('$.coQuan.ten', 'Ủy ban nhân dân phường Tân Mai');
    await type('$.coQuan.vietTat', 'UBND');
    await type('$.so', '12/KH-UBND');
    await type('$.diaDanh', 'Hoàng Mai');
    await type('$.ngay', '15/01/2026');
    await type('$.trichYeu', 'Tổ chức phong trào thi đua năm 2026');
    await click(`#${idOf('$.canCu')}-add`);
    await type('$.canCu[0]', 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
    // The body: the editor opened, the text pasted once (Ctrl+V), used.
    await click('#body-editor > summary');
    // The editor opens with the outline the new plan has; the clerk selects it and pastes over it.
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#body-text')?.value ?? '') !== '');
    await page.focus('#body-text');
    count.clicks++;
    await ctrl(page, 'KeyA');
    await page.keyboard.sendCharacter(BODY);
    count.keys += 4;
    await click('#body-apply');
    await page.waitForFunction((s) => (document.querySelector<HTMLTextAreaElement>(s)?.value ?? '') === 'MỤC ĐÍCH, YÊU CẦU', {}, sel('$.noiDung[0].tieuDe'));
    await type('$.noiNhan[0].ten', 'Ủy ban nhân dân quận Hoàng Mai');
    await click(`#${idOf('$.noiNhan')}-add`);
    await type('$.noiNhan[1].ten', 'Các cơ quan, đơn vị thuộc phường');
    await type('$.nguoiKy.chucVu', 'Chủ tịch');
    await type('$.nguoiKy.hoTen', 'Nguyễn Thị Hạnh');
    await page.waitForFunction(() => (document.querySelector('#summary-text')?.textContent ?? '').startsWith('Không có lỗi'), { timeout: 15_000 });
    await click('#download-pdf');
    const pdf = await waitForDownload(downloads, '.pdf');
    const text = pdfText(pdf);
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(2);
    expect(text).toContain('Số: 12/KH-UBND');
    expect(text).toContain('IV. TỔ CHỨC THỰC HIỆN');
    fs.writeFileSync(path.join(dir, 'plan-clicks.txt'), `${count.clicks} clicks, ${count.keys} keystrokes\n`);
    console.info(`a two-page kế hoạch: ${count.clicks} clicks, ${count.keys} keystrokes`);
    expect(count.clicks).toBeLessThanOrEqual(36);
    await done(o);
  });
});
