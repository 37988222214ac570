// Word habits in any input: typed numbers and bullets, recipients vanban prints itself, pasted lines (§1.4.1, §1.8).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline/prepare';

const fixture = (name: string) => JSON.parse(fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const paragraphs = (vm: any) => [...vm.noiDung, ...(vm.ketLuan ?? [])].map((p: any) => `${p.nhan ? `${p.nhan} ` : ''}${p.runs.map((r: any) => r.text).join('')}`);

describe('typed numbering and bullets', () => {
  it('prints each number once, and says where it was typed', async () => {
    const d = fixture('minimal-ke-hoach.json');
    d.noiDung = [
      { tieuDe: 'I. Mục đích, yêu cầu', noiDung: [{ khoan: '1. Thi đua hoàn thành nhiệm vụ', noiDung: [{ diem: 'a) Điểm thứ nhất' }] }, { gach: '- Ý gạch đầu dòng', cong: ['+ Ý cộng'] }] },
      { tieuDe: 'II. Nội dung thi đua', noiDung: ['Năm 2021, 1.000 hồ sơ được giải quyết.'] },
    ];
    const p = await prepare(d, 'x.json');
    const text = paragraphs(p.vm);
    expect(text).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU', '1. Thi đua hoàn thành nhiệm vụ', 'a) Điểm thứ nhất', '- Ý gạch đầu dòng', '+ Ý cộng',
      'II. NỘI DUNG THI ĐUA', 'Năm 2021, 1.000 hồ sơ được giải quyết./.',
    ]);
    expect(p.issues.filter((i) => i.code === 'input.typed_number').map((i) => i.path)).toEqual([
      '$.noiDung[0].tieuDe', '$.noiDung[0].noiDung[0].khoan', '$.noiDung[0].noiDung[0].noiDung[0].diem',
      '$.noiDung[0].noiDung[1].gach', '$.noiDung[0].noiDung[1].cong[0]', '$.noiDung[1].tieuDe',
    ]);
    expect(p.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('leaves a text that only looks like a label alone', async () => {
    const d = fixture('minimal-ke-hoach.json');
    d.noiDung = [{ tieuDe: 'Vai trò của Đảng', noiDung: [{ khoan: '2021 là năm bản lề' }, { gach: '-5% so với cùng kỳ' }] }];
    const p = await prepare(d, 'x.json');
    expect(p.issues).toEqual([]);
  });
});

describe('recipients vanban prints itself', () => {
  it('takes "Lưu: VT, VP" out of the nơi nhận and files it under luu', async () => {
    const d = fixture('minimal-ke-hoach.json');
    delete d.luu;
    d.noiNhan = [...d.noiNhan, { ten: 'Lưu: VT, VP.' }];
    const p = await prepare(d, 'x.json');
    expect(p.vm!.noiNhan.dong.filter((l) => l.includes('Lưu'))).toEqual(['- Lưu: VT, VP.']);
    expect(p.issues).toMatchObject([{ code: 'input.recipient_generated', path: `$.noiNhan[${d.noiNhan.length - 1}].ten`, severity: 'warning' }]);
  });

  it('prints "Như trên" once in a tờ trình, which has a Kính gửi; keeps it in a kế hoạch, which has none', async () => {
    const t = fixture('to-trinh.json');
    t.noiNhan = [{ ten: 'Như trên' }, ...t.noiNhan];
    const pt = await prepare(t, 't.json');
    expect(pt.documents[0]!.vm.noiNhan.dong.filter((l) => l.startsWith('- Như trên'))).toHaveLength(1);
    expect(pt.issues.map((i) => [i.code, i.path])).toContainEqual(['input.recipient_generated', '$.noiNhan[0].ten']);
    const k = fixture('minimal-ke-hoach.json');
    k.noiNhan = [{ ten: 'Như trên' }, ...k.noiNhan];
    const pk = await prepare(k, 'k.json');
    expect(pk.vm!.noiNhan.dong.filter((l) => l.startsWith('- Như trên'))).toHaveLength(1);
    expect(pk.issues).toEqual([]);
  });
});

describe('pasted lines', () => {
  it('become one paragraph each, with a warning at the paragraph', async () => {
    const d = fixture('minimal-ke-hoach.json');
    d.noiDung = [{ tieuDe: 'Nội dung', noiDung: ['Dòng một.\nDòng hai.\r\n\nDòng ba.', 'Đoạn sau.'] }];
    const p = await prepare(d, 'x.json');
    expect(paragraphs(p.vm).slice(1)).toEqual(['Dòng một.', 'Dòng hai.', 'Dòng ba.', 'Đoạn sau./.']);
    expect(p.issues).toMatchObject([{ code: 'input.lines_split', path: '$.noiDung[0].noiDung[0]' }]);
    expect(p.issues[0]!.message.vi).toContain('3 dòng');
  });
});
