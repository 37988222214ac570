// Named paragraph styles of the DOCX, one per regulated block: anchors for a Word user (the style list, the
// navigation pane) and for a program reading the file back. They never change the page: every paragraph still carries
// its own size, spacing and alignment, and a style's bold or italic is never more than its runs have.
import PizZip from 'pizzip';
import { TOKENS, type BlockName, type HeadingName } from '../tokens';

export type ParagraphStyleKey = BlockName | HeadingName | 'bangTieuDe' | 'choKy';

interface StyleDef {
  id: string;
  /** The name Word shows in its style list. */
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  /** Level in Word's navigation pane (0 = top), for the headings of the body. */
  outline?: number;
}

const b = TOKENS.blocks;
const body = b.body.size;
const h = TOKENS.headings;

function def(id: string, name: string, s: { size: number; bold: boolean; italic: boolean }, outline?: number): StyleDef {
  return { id: `VB${id}`, name: `VB ${name}`, size: s.size, bold: s.bold, italic: s.italic, outline };
}

function heading(id: string, name: string, k: HeadingName, outline?: number): StyleDef {
  return def(id, name, { size: body, bold: h[k].bold, italic: h[k].italic }, outline);
}

/** Every style, keyed by the block or paragraph kind that uses it (regulations §1.4 names the blocks). */
export const PARAGRAPH_STYLES: Record<ParagraphStyleKey, StyleDef> = {
  chuQuan: def('CoQuanChuQuan', 'Cơ quan chủ quản', b.chuQuan),
  banHanh: def('CoQuanBanHanh', 'Cơ quan ban hành', b.banHanh),
  quocHieu: def('QuocHieu', 'Quốc hiệu', b.quocHieu),
  tieuNgu: def('TieuNgu', 'Tiêu ngữ', b.tieuNgu),
  soKyHieu: def('SoKyHieu', 'Số, ký hiệu', b.soKyHieu),
  diaDanhNgay: def('DiaDanhNgay', 'Địa danh, ngày tháng', b.diaDanhNgay),
  tenLoai: def('TenLoai', 'Tên loại văn bản', b.tenLoai),
  trichYeu: def('TrichYeu', 'Trích yếu', b.trichYeu),
  kinhGui: def('KinhGui', 'Kính gửi', b.kinhGui),
  canCu: def('CanCu', 'Căn cứ', b.canCu),
  body: heading('Doan', 'Đoạn văn', 'doan'),
  muc: heading('Muc', 'Mục (I, II)', 'muc', 0),
  khoan: heading('Khoan', 'Khoản (1, 2)', 'khoan', 1),
  tieuKhoan: heading('TieuKhoan', 'Tiểu khoản (1.1)', 'tieuKhoan', 2),
  diem: heading('Diem', 'Điểm (a, b)', 'diem'),
  soThuTu: heading('SoThuTu', 'Ý đánh số (1), 2))', 'soThuTu'),
  khoanThuong: heading('KhoanThuong', 'Khoản không tiêu đề', 'khoanThuong'),
  doan: heading('Doan', 'Đoạn văn', 'doan'),
  gach: heading('GachDauDong', 'Gạch đầu dòng', 'gach'),
  cong: heading('DauCong', 'Dấu cộng', 'cong'),
  nhanNoiNhan: def('NhanNoiNhan', 'Nơi nhận (nhãn)', b.nhanNoiNhan),
  noiNhan: def('NoiNhan', 'Nơi nhận', b.noiNhan),
  quyenHan: def('QuyenHanKy', 'Quyền hạn, chức vụ người ký', b.quyenHan),
  chucVuKhac: def('ChucVuKhac', 'Chức vụ khác của người ký', b.chucVuKhac),
  hoTen: def('HoTenNguoiKy', 'Họ tên người ký', b.hoTen),
  choKy: def('ChoKy', 'Chỗ ký', { size: body, bold: false, italic: false }),
  ghiChuKy: def('GhiChuKy', 'Ghi chú chữ ký', b.ghiChuKy),
  pageNumber: def('SoTrang', 'Số trang', b.pageNumber),
  bang: def('Bang', 'Ô bảng', b.bang),
  bangTieuDe: def('BangTieuDe', 'Tiêu đề bảng', { ...b.bang, bold: true }),
  phuLucNhan: def('PhuLuc', 'Phụ lục', b.phuLucNhan),
  phuLucTieuDe: def('PhuLucTieuDe', 'Tiêu đề phụ lục', b.phuLucTieuDe),
  phuLucKemTheo: def('PhuLucKemTheo', 'Phụ lục kèm theo', b.phuLucKemTheo),
  dongMau: def('DongMau', 'Dòng mẫu số', b.dongMau),
};

export function styleId(key: ParagraphStyleKey): string {
  return PARAGRAPH_STYLES[key].id;
}

function styleXml(s: StyleDef): string {
  const f = TOKENS.font.family;
  const sz = Math.round(s.size * 2);
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
    '<w:basedOn w:val="Normal"/><w:qFormat/>' +
    (s.outline === undefined ? '' : `<w:pPr><w:outlineLvl w:val="${s.outline}"/></w:pPr>`) +
    `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/>` +
    (s.bold ? '<w:b/><w:bCs/>' : '') +
    (s.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr></w:style>`
  );
}

/** The definitions of the styles a styles.xml lacks; a maintainer's own definition of one of them is kept. */
export function missingStyles(stylesXml: string): string {
  const seen = new Set<string>();
  let out = '';
  for (const s of Object.values(PARAGRAPH_STYLES)) {
    if (seen.has(s.id) || stylesXml.includes(`w:styleId="${s.id}"`)) continue;
    seen.add(s.id);
    out += styleXml(s);
  }
  return out;
}

/** styles.xml with vanban's paragraph styles added before its end. */
export function withParagraphStyles(stylesXml: string): string {
  const add = missingStyles(stylesXml);
  return add ? stylesXml.replace(/<\/w:styles>\s*$/, `${add}</w:styles>`) : stylesXml;
}

/** A template's bytes with the paragraph styles in its styles.xml (done once per template, not per document). */
export function templateWithStyles(bytes: Buffer): Buffer {
  const zip = new PizZip(bytes);
  const file = zip.file('word/styles.xml');
  const xml = file?.asText();
  if (xml === undefined || !missingStyles(xml)) return bytes;
  zip.file('word/styles.xml', withParagraphStyles(xml), { date: (file as unknown as { date: Date }).date });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
