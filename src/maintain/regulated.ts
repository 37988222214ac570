// The regulated texts a form template must never type by hand, each with the shared block that prints it.
export interface RegulatedText {
  pattern: RegExp;
  vi: string;
  en: string;
  /** The tag of template.docx and the partial of template.hbs that print it from the view model. */
  docxTag: string;
  partial: string;
}

export const REGULATED: readonly RegulatedText[] = [
  { pattern: /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI/iu, vi: 'Quốc hiệu', en: 'the national title (Quốc hiệu)', docxTag: '{@dauVanBan}', partial: '{{> dauVanBan header}}' },
  { pattern: /Độc lập\s*-\s*Tự do/iu, vi: 'Tiêu ngữ', en: 'the motto (Tiêu ngữ)', docxTag: '{@dauVanBan}', partial: '{{> dauVanBan header}}' },
  { pattern: /Nơi nhận/iu, vi: 'khối nơi nhận', en: 'the recipients block', docxTag: '{@cuoiVanBan} / {@noiNhanRieng}', partial: '{{> cuoiVanBan this}} / {{> noiNhanRieng noiNhan}}' },
  { pattern: /Số:/u, vi: 'dòng số, ký hiệu', en: 'the number line', docxTag: '{@dauVanBan}', partial: '{{> dauVanBan header}}' },
  { pattern: /Kính gửi/iu, vi: 'khối kính gửi', en: 'the addressee block', docxTag: '{@kinhGui}', partial: '{{> kinhGui kinhGui}}' },
  { pattern: /\bTM\.\s/u, vi: 'quyền hạn ký', en: 'the signing authority', docxTag: '{@cuoiVanBan} / {@chuKyDoi}', partial: '{{> cuoiVanBan this}} / {{> chuKyDoi chuKyDoi}}' },
  { pattern: /\bKT\.\s/u, vi: 'quyền hạn ký', en: 'the signing authority', docxTag: '{@cuoiVanBan} / {@chuKyDoi}', partial: '{{> cuoiVanBan this}} / {{> chuKyDoi chuKyDoi}}' },
];

/** Every regulated text found in `text`, with its offset. */
export function findRegulated(text: string): { rule: RegulatedText; index: number; match: string }[] {
  const found: { rule: RegulatedText; index: number; match: string }[] = [];
  for (const rule of REGULATED) {
    const re = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`);
    for (const m of text.matchAll(re)) found.push({ rule, index: m.index, match: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}
