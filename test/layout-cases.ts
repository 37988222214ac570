// Hard cases for page layout, written as inputs a clerk could type: the fixtures of test/fixtures/layout (long agency,
// place and authority lines, a 120-row list, a council of 105) and series generated here whose body ends, one line
// apart from case to case, on either side of a page foot, so that one of each ends exactly there.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { ROOT } from '../src/paths';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layout');

const write = (dir: string, name: string, input: unknown): string => {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(input, null, 1));
  return file;
};

/** One line of the body, numbered so that each page of a case starts with words of its own. */
const item = (i: number) => `Nội dung ${i + 1}: tuyên truyền phong trào thi đua đến cán bộ, công chức.`;
const LONG_END =
  'Trên đây là Kế hoạch tổ chức phong trào thi đua của Hội đồng Thi đua - Khen thưởng phường; đề nghị các cơ quan, đơn vị, tổ dân phố nghiêm túc triển khai thực hiện, định kỳ báo cáo kết quả về Thường trực Hội đồng trước ngày 25 hằng tháng để tổng hợp, báo cáo cấp trên theo quy định.';

/** A plan whose body has `n` one-line items and ends with a paragraph of one or three lines. */
function keHoach(n: number, longEnd: boolean): unknown {
  return {
    form: 'ke-hoach',
    coQuan: { chuQuan: 'Ủy ban nhân dân phường Nguyễn Thái Bình', ten: 'Hội đồng Thi đua - Khen thưởng phường Nguyễn Thái Bình', vietTat: 'HĐTĐKT' },
    so: 9,
    diaDanh: 'Thành phố Hồ Chí Minh',
    ngay: '2022-04-05',
    trichYeu: 'Tổ chức phong trào thi đua “Phường Nguyễn Thái Bình văn minh, hiện đại, nghĩa tình” của Hội đồng Thi đua - Khen thưởng phường giai đoạn 2022 - 2025',
    noiDung: [{ tieuDe: 'Nhiệm vụ trọng tâm', noiDung: Array.from({ length: n }, (_, i) => ({ gach: item(i) })) }],
    ketLuan: [longEnd ? LONG_END : 'Đề nghị các đơn vị nghiêm túc triển khai thực hiện.'],
    noiNhan: [{ ten: 'Ủy ban nhân dân Quận 1', mucDich: 'để báo cáo' }, { ten: 'Các tổ dân phố' }],
    luu: { donVi: ['VP'] },
    nguoiKy: { thayMat: 'Hội đồng Thi đua - Khen thưởng', chucVu: 'Chủ tịch', chucVuKhac: 'Chủ tịch Ủy ban nhân dân phường Nguyễn Thái Bình', hoTen: 'Trần Văn Hùng' },
  };
}

/** An achievement report of `n` achievement items: the two-signature footer with captions of two lines and one. */
function baoCao(n: number): unknown {
  return {
    form: 'bao-cao-thanh-tich',
    coQuan: { chuQuan: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế', ten: 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế', vietTat: 'TTPVHCC' },
    diaDanh: 'Thừa Thiên Huế',
    ngay: '2024-11-20',
    doiTuong: 'ca-nhan',
    ten: 'Lê Thị Minh Hằng',
    chucVu: 'Phó Giám đốc',
    khenThuong: 'chien-si-thi-dua-co-so',
    phongTrao: { ten: 'Cải cách hành chính, chuyển đổi số', tuNam: 2024, denNam: 2024 },
    soLuoc: { ngaySinh: '12/3/1985', gioiTinh: 'Nữ', donVi: 'Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế' },
    thanhTich: Array.from({ length: n }, (_, i) => ({ gach: `Chủ trì triển khai nhiệm vụ cải cách hành chính số ${i + 1}, hoàn thành đúng tiến độ được giao.` })),
    danhHieuTruoc: [{ nam: 2023, ten: 'Lao động tiên tiến', quyetDinh: 'Quyết định số 1234/QĐ-UBND ngày 20/12/2023 của Ủy ban nhân dân tỉnh Thừa Thiên Huế' }],
    nguoiBaoCao: 'Lê Thị Minh Hằng',
    xacNhan: 'Nguyễn Văn Phúc',
  };
}

/** Minutes of `n` discussion paragraphs: the Nơi nhận under two signatures. */
function bienBan(n: number): unknown {
  return {
    form: 'bien-ban',
    coQuan: { chuQuan: 'Ủy ban nhân dân xã Quảng Điền', ten: 'Hội đồng Thi đua - Khen thưởng xã Quảng Điền', vietTat: 'HĐTĐKT' },
    so: 4,
    tenHoiDong: 'Hội đồng Thi đua - Khen thưởng xã Quảng Điền',
    veViec: 'xét đề nghị danh hiệu thi đua năm 2025',
    batDau: '2025-12-05T14:00',
    ketThuc: '2025-12-05T16:30',
    diaDiem: 'Phòng họp Ủy ban nhân dân xã Quảng Điền',
    thanhVien: [
      { hoTen: 'Nguyễn Văn An', chucVu: 'Chủ tịch Ủy ban nhân dân xã, Chủ tịch Hội đồng' },
      { hoTen: 'Trần Thị Bích', chucVu: 'Ủy viên, Thư ký Hội đồng' },
      { hoTen: 'Lê Văn Cường', chucVu: 'Ủy viên' },
    ],
    chuTri: 'Nguyễn Văn An',
    thuKy: 'Trần Thị Bích',
    noiDung: Array.from({ length: n }, (_, i) => `Ý kiến thảo luận thứ ${i + 1} của thành viên Hội đồng.`),
    bieuQuyet: [{ doiTuong: 'ca-nhan', ten: 'Phạm Văn Dũng', khenThuong: 'lao-dong-tien-tien', phieuDongY: 3 }],
    noiNhan: [{ ten: 'Ủy ban nhân dân xã Quảng Điền', mucDich: 'để báo cáo' }],
  };
}

/** A commune dossier with the long names of a ward council and its authority line. */
function hoSo(): unknown {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'nominations', 'ho-so-xa-2025.json'), 'utf8'));
  delete base.$schema;
  base.coQuan = { chuQuan: 'Ủy ban nhân dân xã Quảng Điền', ten: 'Hội đồng Thi đua - Khen thưởng xã Quảng Điền', vietTat: 'HĐTĐKT' };
  base.diaDanh = 'Quảng Điền';
  return base;
}

/** Writes the generated cases into `dir` and returns every hard case's input file, fixtures first. */
export function hardCases(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = fg.sync('*.json', { cwd: FIXTURES, absolute: true }).sort();
  files.push(write(dir, 'ho-so-phuong', hoSo()));
  for (let n = 14; n <= 30; n++) files.push(write(dir, `ke-hoach-${n}`, keHoach(n, false)));
  for (let n = 12; n <= 26; n += 1) files.push(write(dir, `ke-hoach-dai-${n}`, keHoach(n, true)));
  for (let n = 6; n <= 16; n++) files.push(write(dir, `bao-cao-${n}`, baoCao(n)));
  for (let n = 18; n <= 30; n++) files.push(write(dir, `bien-ban-${n}`, bienBan(n)));
  return files;
}
