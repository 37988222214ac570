// View model of the campaign documents (kế hoạch, phát động: NĐ 30 PL III Mẫu 1.4).
import type { CampaignInput } from '../schema/campaign';
import type { Context, FormSettings } from '../forms/types';
import { documentViewModel } from './document';
import { RunParser, canCuParagraphs, closeBody } from './body';
import type { DocumentVM } from './types';
import type { Issue } from '../errors/issue';
import { finishLayout } from './finish-layout';
import { isoNgay, parseNgay } from './dates';
import { districtIssues, namedLines, nguoiKyNames, personNameIssues, placeNameIssues } from './names';

export function campaignViewModel(input: CampaignInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const parser = new RunParser(ctx.source);
  const canCu = canCuParagraphs(parser, input.canCu, ['canCu']);
  const moDau = parser.paragraphs(input.moDau, ['moDau']);
  let noiDung = parser.blocks(input.noiDung, ['noiDung']);
  let ketLuan = parser.paragraphs(input.ketLuan, ['ketLuan']);
  if (ketLuan.length > 0) ketLuan = closeBody(ketLuan);
  else noiDung = closeBody(noiDung);
  const vm: DocumentVM = {
    ...documentViewModel(input, settings, ctx),
    canCu,
    moDau,
    noiDung,
    ketLuan,
  };
  if (input.phongTrao) vm.meta.keywords.push(input.phongTrao.ten);
  return { vm: finishLayout(vm), issues: [...campaignNameIssues(input, ctx), ...parser.issues] };
}

/** The place name in full, the signer without titles, and no district level named after the two-tier reform (§6.1). */
function campaignNameIssues(input: CampaignInput, ctx: Context): Issue[] {
  const named = [
    ...namedLines(input.coQuan.chuQuan, '$.coQuan.chuQuan'),
    ...namedLines(input.coQuan.ten, '$.coQuan.ten'),
    ...input.noiNhan.map((n, i) => ({ path: `$.noiNhan[${i}].ten`, text: n.ten })),
    ...nguoiKyNames(input.nguoiKy, '$.nguoiKy'),
  ];
  return [
    ...placeNameIssues(input.diaDanh, '$.diaDanh', ctx),
    ...personNameIssues([{ path: '$.nguoiKy.hoTen', text: input.nguoiKy.hoTen }], ctx),
    ...districtIssues(named, isoNgay(parseNgay(input.ngay)!), ctx),
  ];
}
