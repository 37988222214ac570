// Recipients (regulations §1.4 ô 9b and §1.8): "Kính gửi:" lines and the "Nơi nhận:" list with its ";" and final ".".
import { stripEndPunctuation } from './text';

export interface NoiNhanIn {
  ten: string;
  mucDich?: string;
}

export interface LuuIn {
  /** Abbreviation of the drafting unit, e.g. "PNV". */
  donVi?: string[];
  /** Number of file copies kept. */
  soBan?: number;
}

export const NHAN_NOI_NHAN = 'Nơi nhận:';

/** `- Ban TĐKT Thành phố (để b/cáo);` … `- Lưu: VT, PNV.` (II.9.d). */
export function dongNoiNhan(entries: readonly NoiNhanIn[], luu: LuuIn | undefined, opts: { nhuTren?: boolean; luuThem?: string[] } = {}): string[] {
  const lines: string[] = [];
  if (opts.nhuTren) lines.push('- Như trên;');
  for (const e of entries) {
    const purpose = e.mucDich ? ` (${stripParens(e.mucDich)})` : '';
    lines.push(`- ${stripEndPunctuation(e.ten)}${purpose};`);
  }
  lines.push(`- ${dongLuu(luu, opts.luuThem)}.`);
  return lines;
}

/** `Lưu: VT, PNV, 02b`: văn thư first, then the drafting unit, then the number of copies (II.9.d). */
export function dongLuu(luu: LuuIn | undefined, them: string[] = []): string {
  const parts = ['VT', ...(luu?.donVi ?? []), ...them];
  if (luu?.soBan !== undefined) parts.push(`${luu.soBan < 10 ? `0${luu.soBan}` : luu.soBan}b`);
  return `Lưu: ${parts.join(', ')}`;
}

function stripParens(s: string): string {
  return s.replace(/^\s*\(\s*/, '').replace(/\s*\)\s*$/, '');
}

/**
 * "Kính gửi:" block (§1.8, II.9.d): one recipient on the same line; several as dashed lines under the colon,
 * each ending ";" and the last ".".
 */
export function kinhGui(recipients: readonly string[]): { motDong?: string; nhieuDong?: string[] } {
  const clean = recipients.map(stripEndPunctuation);
  if (clean.length === 1) return { motDong: clean[0]! };
  return { nhieuDong: clean.map((r, i) => `- ${r}${i === clean.length - 1 ? '.' : ';'}`) };
}
