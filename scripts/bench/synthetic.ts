// Realistic synthetic inputs for the benchmark and the scale tests: achievement reports and plans of 2–4 pages.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/paths';

/** A small deterministic generator (mulberry32), so every run measures the same documents. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const DEM = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const TEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Trang', 'Tùng', 'Yến'];
const VIEC = [
  'Hoàn thành xuất sắc nhiệm vụ tiếp nhận và trả kết quả giải quyết thủ tục hành chính, không để hồ sơ trễ hạn',
  'Chủ động đề xuất cải tiến quy trình, rút ngắn thời gian giải quyết hồ sơ cho người dân và doanh nghiệp',
  'Tham gia đầy đủ các lớp bồi dưỡng chuyên môn, nghiệp vụ và áp dụng hiệu quả vào công việc được giao',
  'Hướng dẫn tận tình người dân sử dụng dịch vụ công trực tuyến mức độ toàn trình trên Cổng dịch vụ công quốc gia',
  'Phối hợp chặt chẽ với các bộ phận chuyên môn trong việc rà soát, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của cơ quan, đơn vị',
];

function sentence(rnd: () => number, words: number): string {
  const parts: string[] = [];
  while (parts.join(' ').split(' ').length < words) parts.push(VIEC[Math.floor(rnd() * VIEC.length)]!);
  return `${parts.join('; ')}.`;
}

/** Achievement report number `i` (Mẫu số 07 and successors) of 2–4 pages. */
export function syntheticReport(i: number): Record<string, unknown> {
  const rnd = random(1000 + i);
  const ten = `${HO[i % HO.length]} ${DEM[Math.floor(rnd() * DEM.length)]} ${TEN[Math.floor(rnd() * TEN.length)]}`;
  const paragraphs = 7 + Math.floor(rnd() * 12);
  return {
    form: 'bao-cao-thanh-tich',
    coQuan: { chuQuan: 'UBND phường Tân Mai', ten: 'Bộ phận Một cửa', vietTat: 'BPMC' },
    diaDanh: 'Hoàng Mai',
    ngay: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`,
    doiTuong: 'ca-nhan',
    ten,
    chucVu: 'Chuyên viên',
    khenThuong: 'giay-khen',
    phongTrao: { ten: 'Đẩy mạnh cải cách hành chính', tuNam: 2021, denNam: 2025 },
    soLuoc: { ngaySinh: `${1 + (i % 28)}/${1 + (i % 12)}/${1970 + (i % 30)}`, gioiTinh: i % 2 ? 'Nam' : 'Nữ' },
    thanhTich: Array.from({ length: paragraphs }, () => sentence(rnd, 40 + Math.floor(rnd() * 60))),
    danhHieuTruoc: [{ nam: 2023, ten: 'Lao động tiên tiến', quyetDinh: `Quyết định số ${10 + (i % 90)}/QĐ-UBND ngày 20/12/2023` }],
    nguoiBaoCao: ten,
  };
}

let planBase: Record<string, unknown> | undefined;

/** Plan number `i`, cut from the Hoàng Mai 2021 plan to 2–4 pages. */
export function syntheticPlan(i: number): Record<string, unknown> {
  planBase ??= JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'campaigns', 'ke-hoach-hoang-mai-2021.json'), 'utf8')) as Record<string, unknown>;
  const rnd = random(5000 + i);
  const { $schema: _schema, ...base } = planBase;
  const noiDung = base.noiDung as unknown[];
  const keep = 1 + Math.floor(rnd() * Math.min(3, noiDung.length));
  return { ...base, so: 1 + (i % 200), ngay: `2021-06-${String(1 + (i % 28)).padStart(2, '0')}`, noiDung: noiDung.slice(0, keep) };
}

/** Writes `reports` reports and `plans` plans as JSON files into `dir`, and returns their paths. */
export function writeSynthetic(dir: string, reports: number, plans: number): { reports: string[]; plans: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };
  return {
    reports: Array.from({ length: reports }, (_, i) => write(`bao-cao-${String(i).padStart(5, '0')}.json`, syntheticReport(i))),
    plans: Array.from({ length: plans }, (_, i) => write(`ke-hoach-${String(i).padStart(5, '0')}.json`, syntheticPlan(i))),
  };
}
