// The catalogue of issue codes: each code's Vietnamese and English message and the fix, in one place.
import type { Bilingual, Issue, Severity, Stage } from './issue';

type Params = Record<string, string | number>;
interface Entry {
  stage: Stage;
  severity: Severity;
  message: (p: Params) => Bilingual;
  hint?: (p: Params) => Bilingual;
}

const f = (p: Params) => `«${p.fieldVi ?? p.path}»`;
const e = (p: Params) => `"${p.fieldEn ?? p.path}"`;

export const CATALOGUE = {
  'input.unreadable': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Không đọc được tệp: ${p.cause}`, en: `The file cannot be read: ${p.cause}` }),
    hint: () => ({ vi: 'Kiểm tra đường dẫn và quyền đọc tệp.', en: 'Check the path and that the file is readable.' }),
  },
  'input.json_syntax': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Tệp không phải JSON hợp lệ: ${p.cause}`, en: `The file is not valid JSON: ${p.cause}` }),
    hint: () => ({ vi: 'Sửa cú pháp JSON (dấu phẩy, ngoặc, dấu nháy kép) tại vị trí báo lỗi.', en: 'Fix the JSON syntax (commas, brackets, double quotes) at the reported place.' }),
  },
  'input.not_object': {
    stage: 'input', severity: 'error',
    message: () => ({ vi: 'Nội dung tệp phải là một đối tượng JSON { … }.', en: 'The file must hold one JSON object { … }.' }),
    hint: () => ({ vi: 'Bọc dữ liệu trong { } và thêm khóa "form".', en: 'Wrap the data in { } and add a "form" key.' }),
  },
  'input.unknown_form': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Loại văn bản "form" không hợp lệ: ${p.value}.`, en: `Unknown document "form": ${p.value}.` }),
    hint: (p) => ({ vi: `Dùng một trong: ${p.known}.`, en: `Use one of: ${p.known}.` }),
  },
  'input.invalid_char': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} chứa ký tự không hợp lệ (${p.char}).`, en: `Field ${e(p)} holds an invalid character (${p.char}).` }),
    hint: () => ({ vi: 'Xóa ký tự điều khiển hoặc ký tự lỗi (thường do dán từ tệp cũ) rồi gõ lại đoạn đó.', en: 'Remove the control or broken character (often pasted from an old file) and retype that part.' }),
  },
  'input.normalised': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Trường ${f(p)} được chuẩn hóa sang Unicode dựng sẵn (NFC, TCVN 6909:2001).`, en: `Field ${e(p)} was normalised to precomposed Unicode (NFC, TCVN 6909:2001).` }),
    hint: () => ({ vi: 'Không cần làm gì; nên lưu tệp nguồn ở dạng Unicode dựng sẵn.', en: 'Nothing to do; prefer saving the source as precomposed Unicode.' }),
  },
  'input.too_deep': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Dữ liệu tại ${p.path} lồng quá ${p.max} cấp ngoặc [ ] hoặc { }.`, en: `The data at ${p.path} is nested deeper than ${p.max} levels of [ ] or { }.` }),
    hint: () => ({ vi: 'Kiểm tra cặp ngoặc ở vị trí báo lỗi; nội dung văn bản không cần lồng sâu như vậy.', en: 'Check the brackets at the reported place; no document needs such depth.' }),
  },
  'input.invisible_char': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Trường ${f(p)} có ký tự ẩn (${p.chars}: dấu định hướng chữ hoặc ký tự độ rộng 0), đã được xóa.`, en: `Field ${e(p)} held invisible characters (${p.chars}: text-direction or zero-width marks), which were removed.` }),
    hint: () => ({ vi: 'Không cần làm gì; các ký tự này thường theo văn bản chép từ trang web hoặc tệp PDF.', en: 'Nothing to do; they usually come with text copied from web pages or PDF files.' }),
  },
  'input.typed_number': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Trường ${p.path} có số thứ tự hoặc dấu đầu dòng gõ tay "${p.label}", đã bỏ vì vanban tự đánh số: "${p.text}".`, en: `Field ${p.path} starts with a typed number or bullet "${p.label}", removed because vanban numbers it: "${p.text}".` }),
    hint: () => ({ vi: 'Không cần làm gì; lần sau chỉ gõ nội dung, không gõ "II.", "1.", "a)", "-", "+".', en: 'Nothing to do; next time type the text only, without "II.", "1.", "a)", "-", "+".' }),
  },
  'input.recipient_generated': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Nơi nhận ${p.path} "${p.text}" do vanban tự in, nên không in lần nữa.`, en: `Recipient ${p.path} "${p.text}" is printed by vanban itself, so it is not printed twice.` }),
    hint: () => ({ vi: '"Như trên" được in tự động; ghi đơn vị lưu vào "luu" (ví dụ {"donVi": ["VP"]}).', en: '"Như trên" is printed automatically; put the filing unit in "luu" (e.g. {"donVi": ["VP"]}).' }),
  },
  'input.lines_split': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Đoạn ${p.path} có ${p.count} dòng, đã tách thành ${p.count} đoạn.`, en: `Paragraph ${p.path} held ${p.count} lines, now ${p.count} paragraphs.` }),
    hint: () => ({ vi: 'Không cần làm gì; mỗi dòng là một đoạn.', en: 'Nothing to do; each line is a paragraph.' }),
  },
  'import.unreadable': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Không nhập được ${p.file}: ${p.reasonVi}.`, en: `${p.file} cannot be imported: ${p.reasonEn}.` }),
    hint: () => ({ vi: 'Nhập tệp .docx, .txt hoặc .md (UTF-8) dưới 20 MB, không có macro hay liên kết ra ngoài; lưu lại từ Word nếu cần.', en: 'Import a .docx, .txt or .md (UTF-8) file under 20 MB without macros or external links; save it again from Word if need be.' }),
  },
  'import.unplaced': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Đoạn ${p.index} không xếp được vào văn bản (${p.whyVi}): "${p.text}".`, en: `Paragraph ${p.index} could not be placed (${p.whyEn}): "${p.text}".` }),
    hint: () => ({ vi: 'Thêm phần này vào tệp JSON bằng tay nếu cần.', en: 'Add this part to the JSON by hand if it is needed.' }),
  },
  'import.dossier_part': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `${p.file} không đưa được vào hồ sơ: ${p.whyVi}.`, en: `${p.file} was left out of the dossier: ${p.whyEn}.` }),
    hint: () => ({ vi: 'Hồ sơ nhận một tờ trình, một biên bản họp Hội đồng và báo cáo thành tích của những người, tập thể có trong đó.', en: 'A dossier takes one proposal, one set of council minutes and the reports of the nominees they name.' }),
  },
  'import.unknown_form': {
    stage: 'input', severity: 'error',
    message: () => ({ vi: 'Không nhận ra loại văn bản: không thấy dòng tên loại "KẾ HOẠCH" hay "PHÁT ĐỘNG".', en: 'The document type was not found: no "KẾ HOẠCH" or "PHÁT ĐỘNG" line.' }),
    hint: (p) => ({ vi: `Chọn loại văn bản (${p.forms}).`, en: `Name the form (${p.forms}).` }),
  },
  'import.row': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Trang "${p.sheet}", dòng ${p.row}: ${p.reasonVi}. Dòng này không được nhập.`, en: `Sheet "${p.sheet}", row ${p.row}: ${p.reasonEn}. The row was not imported.` }),
    hint: (p) => ({ vi: `${p.fixVi} Các dòng khác đã được nhập.`, en: `${p.fixEn} The other rows were imported.` }),
  },
  'import.no_rows': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Không thấy danh sách trong ${p.file}: ${p.reasonVi}.`, en: `No list found in ${p.file}: ${p.reasonEn}.` }),
    hint: () => ({ vi: 'Dòng tiêu đề cần có các cột "Họ và tên" (hoặc "Tên tập thể"), "Danh hiệu/hình thức" và, nếu có, "Số phiếu đồng ý"; trang thành viên Hội đồng cần "Họ và tên" và "Chức vụ trong Hội đồng". Xem tệp mẫu data/nominations/danh-sach-de-nghi.xlsx.', en: 'The header row needs the columns "Họ và tên" (or "Tên tập thể"), "Danh hiệu/hình thức" and, where there are votes, "Số phiếu đồng ý"; a council sheet needs "Họ và tên" and "Chức vụ trong Hội đồng". See the template data/nominations/danh-sach-de-nghi.xlsx.' }),
  },
  'input.legacy_encoding': {
    stage: 'input', severity: 'warning',
    message: (p) => ({ vi: `Trường ${f(p)} được gõ bằng bảng mã cũ ${p.encoding} và đã được chuyển sang Unicode: "${p.text}".`, en: `Field ${e(p)} was typed in the legacy ${p.encoding} encoding and was converted to Unicode: "${p.text}".` }),
    hint: () => ({ vi: 'Đọc lại đoạn đã chuyển, nhất là chữ in hoa có dấu. Lần sau hãy chuyển văn bản sang Unicode trước khi dán (ví dụ Unikey, Công cụ chuyển mã).', en: 'Read the converted text again, capitals with tone marks above all. Next time convert the text to Unicode before pasting it (e.g. Unikey’s converter).' }),
  },
  'input.legacy_encoding_unsure': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} có chữ giống bảng mã cũ ${p.encoding} lẫn với chữ Unicode: ${p.words}.`, en: `Field ${e(p)} mixes words that look like the legacy ${p.encoding} encoding with Unicode text: ${p.words}.` }),
    hint: () => ({ vi: 'Chuyển đoạn văn bản cũ sang Unicode (ví dụ Unikey, Công cụ chuyển mã) hoặc gõ lại các chữ đó; nếu các ký tự ấy đúng như ý, hãy dùng ký hiệu Unicode tương ứng.', en: 'Convert the old text to Unicode (e.g. Unikey’s converter) or retype those words; if the characters are meant as typed, use the matching Unicode symbols.' }),
  },
  'schema.required': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Thiếu trường bắt buộc ${f(p)}.`, en: `Required field ${e(p)} is missing.` }),
    hint: (p) => ({ vi: `Thêm khóa "${p.key}"${p.helpVi ? `: ${p.helpVi}` : '.'}`, en: `Add the key "${p.key}"${p.helpEn ? `: ${p.helpEn}` : '.'}` }),
  },
  'schema.type': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} phải là ${p.expectedVi}, đang là ${p.receivedVi}.`, en: `Field ${e(p)} must be ${p.expected}, got ${p.received}.` }),
    hint: (p) => ({ vi: p.helpVi ? String(p.helpVi) : `Sửa giá trị thành ${p.expectedVi}.`, en: p.helpEn ? String(p.helpEn) : `Change the value to ${p.expected}.` }),
  },
  'schema.unknown_key': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Khóa "${p.key}" không có trong mẫu này (gõ sai tên trường?).`, en: `Key "${p.key}" is not part of this form (misspelt field?).` }),
    hint: (p) => ({ vi: p.suggest ? `Có phải ý bạn là "${p.suggest}"? Nếu không, hãy xóa khóa này.` : `Xóa khóa này. Các khóa hợp lệ: ${p.known}.`, en: p.suggest ? `Did you mean "${p.suggest}"? Otherwise remove the key.` : `Remove the key. Valid keys: ${p.known}.` }),
  },
  'schema.empty': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} không được để trống.`, en: `Field ${e(p)} must not be empty.` }),
    hint: (p) => ({ vi: p.helpVi ? String(p.helpVi) : 'Nhập nội dung cho trường này hoặc xóa khóa nếu không bắt buộc.', en: p.helpEn ? String(p.helpEn) : 'Fill in the field, or remove the key if it is optional.' }),
  },
  'schema.too_small': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} quá nhỏ/ngắn (tối thiểu ${p.min}).`, en: `Field ${e(p)} is too small or short (minimum ${p.min}).` }),
    hint: () => ({ vi: 'Bổ sung cho đủ giá trị tối thiểu.', en: 'Raise it to at least the minimum.' }),
  },
  'schema.too_big': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} quá lớn/dài (tối đa ${p.max}).`, en: `Field ${e(p)} is too big or long (maximum ${p.max}).` }),
    hint: () => ({ vi: 'Rút gọn hoặc tách thành nhiều mục.', en: 'Shorten it or split it into several items.' }),
  },
  'schema.format': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} sai định dạng: "${p.value}".`, en: `Field ${e(p)} has the wrong format: "${p.value}".` }),
    hint: (p) => ({ vi: String(p.helpVi ?? 'Sửa theo định dạng được hướng dẫn.'), en: String(p.helpEn ?? 'Use the documented format.') }),
  },
  'schema.enum': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} có giá trị không hợp lệ: ${p.value}.`, en: `Field ${e(p)} has an invalid value: ${p.value}.` }),
    hint: (p) => ({ vi: `Dùng một trong: ${p.allowed}.`, en: `Use one of: ${p.allowed}.` }),
  },
  'schema.date_invalid': {
    stage: 'schema', severity: 'error',
    // A date written right but with no such day (31/02) and a date not written as one are told apart.
    message: (p) => (/^\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2})?$/.test(String(p.value))
      ? { vi: `Ngày ${f(p)} không có trên lịch: "${p.value}".`, en: `Date ${e(p)} is not on the calendar: "${p.value}".` }
      : { vi: `Ngày ${f(p)} viết chưa đúng dạng: "${p.value}".`, en: `Date ${e(p)} is not written as a date: "${p.value}".` }),
    hint: () => ({ vi: 'Viết ngày dạng NĂM-THÁNG-NGÀY, ví dụ "2021-06-09" (biểu mẫu web nhận cả 09/6/2021); để trống ngày thì viết "2022-03".', en: 'Write the date as YEAR-MONTH-DAY, e.g. "2021-06-09" (the web form also takes 09/6/2021); to leave the day blank write "2022-03".' }),
  },
  'schema.abbreviation': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Chữ viết tắt ${f(p)} không hợp lệ: "${p.value}".`, en: `Abbreviation ${e(p)} is invalid: "${p.value}".` }),
    hint: () => ({ vi: 'Chữ viết tắt bắt đầu bằng chữ in hoa, không có khoảng trắng, dấu gạch ngang hay dấu "/" (ví dụ "UBND", "HĐTĐKT").', en: 'An abbreviation starts with a capital letter and has no spaces, hyphens or "/" (e.g. "UBND", "HĐTĐKT").' }),
  },
  'schema.signer': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Khối chữ ký ${f(p)}: ${p.reasonVi}`, en: `Signature block ${e(p)}: ${p.reasonEn}` }),
    hint: () => ({ vi: 'Xem mục "nguoiKy" trong README: TM. cần "thayMat"; KT., TL., TUQ. cần "thuTruong" và "chucVu"; Q. cần "thuTruong".', en: 'See "nguoiKy" in the README: TM. needs "thayMat"; KT., TL., TUQ. need "thuTruong" and "chucVu"; Q. needs "thuTruong".' }),
  },
  'schema.markup': {
    stage: 'schema', severity: 'warning',
    message: (p) => ({ vi: `Trường ${f(p)}: dấu "${p.marker}" không có cặp đóng, được in nguyên văn.`, en: `Field ${e(p)}: "${p.marker}" has no closing pair and is printed as typed.` }),
    hint: (p) => ({ vi: `Đóng cặp "${p.marker}…${p.marker}" để in đậm/nghiêng, hoặc viết "\\*" để in dấu sao.`, en: `Close the pair "${p.marker}…${p.marker}" for bold/italic, or write "\\*" for a literal asterisk.` }),
  },
  'schema.nesting': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Mục ${f(p)} lồng quá ${p.max} cấp (I. / 1. / 1.1. / a)).`, en: `Section ${e(p)} is nested deeper than ${p.max} levels (I. / 1. / 1.1. / a)).` }),
    hint: () => ({ vi: 'Dùng "gach" (dòng "-") và "cong" (dòng "+") cho các ý nhỏ hơn điểm a).', en: 'Use "gach" ("-" lines) and "cong" ("+" lines) below point a).' }),
  },
  'schema.invalid': {
    stage: 'schema', severity: 'error',
    message: (p) => ({ vi: `Trường ${f(p)} không hợp lệ: ${p.detail}`, en: `Field ${e(p)} is invalid: ${p.detail}` }),
    hint: (p) => ({ vi: `Sửa giá trị tại ${p.path} theo điều kiện nêu trên.`, en: `Change the value at ${p.path} to meet the condition above.` }),
  },
  'rule.no_money': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `Không có mức tiền thưởng cho ${p.khenThuong} đối với ${p.doiTuong} (${p.ten}) vào ngày ${p.ngay}.`, en: `No award money is configured for ${p.khenThuong} given to a ${p.doiTuong} (${p.ten}) on ${p.ngay}.` }),
    hint: () => ({ vi: 'Kiểm tra đối tượng và ngày, hoặc bổ sung hệ số, mức lương cơ sở trong config/regulations.json.', en: 'Check the subject and the date, or add the coefficient or lương cơ sở to config/regulations.json.' }),
  },
  'rule.time_order': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `Cuộc họp kết thúc lúc ${p.ketThuc}, không sau lúc bắt đầu ${p.batDau}.`, en: `The meeting ends at ${p.ketThuc}, no later than it starts at ${p.batDau}.` }),
    hint: () => ({ vi: 'Sửa giờ kết thúc cho sau giờ bắt đầu.', en: 'Make the end time later than the start time.' }),
  },
  'rule.date_order': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `Tờ trình ngày ${p.toTrinh} được lập trước cuộc họp Hội đồng ngày ${p.cuocHop}.`, en: `The proposal of ${p.toTrinh} is dated before the council meeting of ${p.cuocHop}.` }),
    hint: () => ({ vi: 'Tờ trình phải đề ngày bằng hoặc sau ngày họp xét khen thưởng.', en: 'Date the proposal on or after the day of the meeting.' }),
  },
  'rule.not_member': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.hoTen} không có trong danh sách thành viên Hội đồng.`, en: `${p.hoTen} is not among the council members.` }),
    hint: () => ({ vi: 'Ghi đúng họ tên như trong danh sách thành viên, hoặc bổ sung thành viên.', en: 'Write the name exactly as in the member list, or add the member.' }),
  },
  'rule.chair_absent': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `Người chủ trì ${p.hoTen} lại được ghi là vắng mặt.`, en: `The chair ${p.hoTen} is also listed as absent.` }),
    hint: () => ({ vi: 'Sửa người chủ trì hoặc danh sách vắng mặt.', en: 'Fix the chair or the absence list.' }),
  },
  'rule.votes_exceed': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.ten}: ${p.phieu} phiếu đồng ý nhiều hơn tổng số ${p.tong} thành viên Hội đồng.`, en: `${p.ten}: ${p.phieu} votes in favour exceed the ${p.tong} council members.` }),
    hint: () => ({ vi: 'Số phiếu đồng ý không vượt quá tổng số thành viên.', en: 'Votes in favour cannot exceed the number of members.' }),
  },
  'rule.ballots': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.nhanVi} (${p.so}) nhiều hơn ${p.gioiHanVi} (${p.gioiHan}).`, en: `${p.nhanEn} (${p.so}) exceed ${p.gioiHanEn} (${p.gioiHan}).` }),
    hint: () => ({
      vi: 'Trong biên bản: số phiếu hợp lệ ≤ số phiếu thu vào ≤ số phiếu phát ra ≤ số thành viên có mặt; ý kiến bằng văn bản của thành viên vắng mặt được tính riêng, không phát phiếu.',
      en: 'In the minutes: valid ballots ≤ ballots returned ≤ ballots issued ≤ members present; the written opinions of absent members are counted apart, with no ballot.',
    }),
  },
  'rule.votes_exceed_ballots': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.ten}: ${p.phieu} phiếu đồng ý nhiều hơn số người được biểu quyết: ${p.coSoVi} (tối đa ${p.toiDa}).`, en: `${p.ten}: ${p.phieu} votes in favour exceed those who could vote: ${p.coSoEn} (at most ${p.toiDa}).` }),
    hint: () => ({
      vi: 'Người được biểu quyết là thành viên có mặt (theo số phiếu hợp lệ) và thành viên vắng mặt có ý kiến bằng văn bản. Sửa số phiếu đồng ý, số phiếu hoặc danh sách vắng mặt.',
      en: 'Those who vote are the members present (as many as the valid ballots) and the absent members who sent a written opinion. Fix the votes, the ballot counts or the absence list.',
    }),
  },
  'rule.vote_below_threshold': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `${p.ten} không được đề nghị ${p.khenThuong}: ${p.phieu}/${p.tong} phiếu (${p.tyLe}) chưa đạt ${p.quyTac} tổng số thành viên Hội đồng (cần ít nhất ${p.toiThieu} phiếu). Đã loại khỏi tờ trình và báo cáo.`, en: `${p.ten} is refused for ${p.khenThuong}: ${p.phieu}/${p.tong} votes (${p.tyLe}) do not reach ${p.quyTac} of all council members (at least ${p.toiThieu} needed). Left out of the proposal and reports.` }),
    hint: () => ({ vi: 'Biên bản vẫn ghi kết quả "Không đạt". Kiểm tra lại số phiếu nếu đã nhập sai.', en: 'The minutes still record "Không đạt". Check the vote count if it was typed wrongly.' }),
  },
  'rule.none_passed': {
    stage: 'rule', severity: 'error',
    message: () => ({ vi: 'Không có tập thể, cá nhân nào đạt tỷ lệ phiếu: không có gì để đề nghị.', en: 'No nominee reached the vote threshold: there is nothing to propose.' }),
    hint: () => ({ vi: 'Kiểm tra số phiếu đồng ý của từng người được đề nghị.', en: 'Check each nominee’s votes in favour.' }),
  },
  'rule.report_missing': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({
      vi: `Chưa có báo cáo thành tích của «${p.ten}»: hồ sơ chưa đủ để trình (hồ sơ gồm tờ trình, biên bản và báo cáo thành tích của từng tập thể, cá nhân; regulations §4.4). Tờ trình và biên bản vẫn được lập.`,
      en: `No achievement report for "${p.ten}" yet: the dossier is not complete (it holds the proposal, the minutes and a report per nominee; regulations §4.4). The proposal and the minutes are still made.`,
    }),
    hint: () => ({
      vi: 'Thêm "baoCao" (ít nhất "thanhTich" và "nguoiBaoCao") cho tập thể, cá nhân này; một báo cáo đã viết ở mẫu báo cáo thành tích chép sang được.',
      en: 'Add its "baoCao" (at least "thanhTich" and "nguoiBaoCao"); a report written in the báo cáo thành tích form can be copied in.',
    }),
  },
  'rule.quota_exceeded': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `Vượt chỉ tiêu của phong trào: đề nghị ${p.soLuong} ${p.doiTuong} được ${p.khenThuong}, tối đa ${p.toiDa}.`, en: `Campaign quota exceeded: ${p.soLuong} ${p.doiTuong} proposed for ${p.khenThuong}, at most ${p.toiDa}.` }),
    hint: () => ({ vi: 'Bớt người được đề nghị hoặc sửa chỉ tiêu theo kế hoạch phát động.', en: 'Propose fewer, or correct the quota from the launching plan.' }),
  },
  'rule.district_abolished': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `"${p.ten}" là cấp huyện, nhưng văn bản ngày ${p.ngay} thuộc thời kỳ chính quyền địa phương hai cấp: từ ${p.tuNgay} không còn cấp huyện.`, en: `"${p.ten}" is district level, but the document of ${p.ngay} falls under two-tier local government: from ${p.tuNgay} there is no district level.` }),
    hint: () => ({ vi: 'Dùng tên đơn vị hành chính sau sắp xếp (tỉnh, xã, phường, đặc khu).', en: 'Use the post-reform unit (province, commune, ward, special zone).' }),
  },
  'rule.decision_date': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `Ngày quyết định khen thưởng ${p.quyetDinh} trước ngày tờ trình ${p.toTrinh}.`, en: `The award decision of ${p.quyetDinh} is dated before the proposal of ${p.toTrinh}.` }),
    hint: () => ({ vi: 'Ghi ngày (dự kiến) ký quyết định khen thưởng, bằng hoặc sau ngày tờ trình; bỏ trống thì tiền thưởng tính theo ngày tờ trình.', en: 'Give the (expected) date of the award decision, on or after the proposal; leave it out to price the award on the proposal’s date.' }),
  },
  'rule.unconfirmed_value': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `Tiền thưởng của ${p.ten} dựa trên ${p.giaTriVi}: giá trị này chưa được xác nhận từ văn bản quy định (regulations ${p.muc}).`, en: `The award money of ${p.ten} rests on ${p.giaTriEn}: a value not confirmed from the regulation itself (regulations ${p.muc}).` }),
    hint: () => ({ vi: 'Đối chiếu với văn bản quy định trước khi trình; nếu khác, sửa giá trị trong config/regulations.json (mỗi giá trị có ngày hiệu lực và nguồn).', en: 'Check it against the regulation before submitting; if it differs, correct config/regulations.json (each value has its effective date and source).' }),
  },
  'rule.place_abbreviated': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `Địa danh "${p.value}" có chữ viết tắt "${p.vietTat}": địa danh phải viết đầy đủ (NĐ 30, Phụ lục I, II.4.a).`, en: `The place name "${p.value}" abbreviates "${p.vietTat}": a place name is written in full (NĐ 30, Phụ lục I, II.4.a).` }),
    hint: (p) => ({ vi: `Viết "${p.goiY}". Đơn vị đặt theo tên người, chữ số hoặc sự kiện lịch sử giữ cả danh từ chung ("Thành phố Hồ Chí Minh"); đơn vị khác chỉ ghi tên riêng ("Hoàng Mai").`, en: `Write "${p.goiY}". A unit named after a person, a number or an event keeps its generic word ("Thành phố Hồ Chí Minh"); other units give the proper name alone ("Hoàng Mai").` }),
  },
  'rule.title_in_name': {
    stage: 'rule', severity: 'warning',
    message: (p) => ({ vi: `Họ tên "${p.value}" có "${p.danhXung}" đứng trước: NĐ 30 không ghi học hàm, học vị, danh xưng trước họ tên (Phụ lục I, II.7).`, en: `The name "${p.value}" is preceded by "${p.danhXung}": NĐ 30 puts no academic title, degree or honorific before a name (Phụ lục I, II.7).` }),
    hint: (p) => ({ vi: `Viết "${p.goiY}". Ngành được ghi cấp bậc, học vị theo quy định riêng (quân đội, công an, giáo dục, y tế, khoa học) có thể bỏ qua cảnh báo này.`, en: `Write "${p.goiY}". Sectors whose own rules allow ranks or degrees (armed forces, police, education, health, science) may ignore this warning.` }),
  },
  'rule.award_kind': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.khenThuong} là danh hiệu thi đua: "loaiHinh" chỉ dùng cho hình thức khen thưởng (Bằng khen, Giấy khen).`, en: `${p.khenThuong} is an emulation title: "loaiHinh" applies only to awards (Bằng khen, Giấy khen).` }),
    hint: () => ({ vi: 'Xóa "loaiHinh": báo cáo của danh hiệu thi đua dùng mẫu của danh hiệu.', en: 'Remove "loaiHinh": a title’s report uses the title’s form.' }),
  },
  'rule.award_subject': {
    stage: 'rule', severity: 'error',
    message: (p) => ({ vi: `${p.khenThuong} không dành cho ${p.doiTuong} (${p.ten}).`, en: `${p.khenThuong} is not given to a ${p.doiTuong} (${p.ten}).` }),
    hint: () => ({ vi: 'Chọn danh hiệu/hình thức phù hợp với tập thể hoặc cá nhân.', en: 'Choose a title or award for that kind of subject.' }),
  },
  'render.docx_template': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Mẫu DOCX lỗi: ${p.detail}`, en: `DOCX template error: ${p.detail}` }),
    hint: () => ({ vi: 'Mở template.docx, sửa thẻ bị báo (tên thẻ phải có trong mô hình hiển thị của mẫu).', en: 'Open template.docx and fix the reported tag (it must exist in the form’s view model).' }),
  },
  'render.html_template': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Mẫu HTML lỗi: ${p.detail}`, en: `HTML template error: ${p.detail}` }),
    hint: () => ({ vi: 'Sửa template.hbs: thẻ {{…}} phải có trong mô hình hiển thị của mẫu.', en: 'Fix template.hbs: every {{…}} must exist in the form’s view model.' }),
  },
  'template.missing_file': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Thiếu tệp ${p.file}.`, en: `${p.file} is missing.` }),
    hint: (p) => ({ vi: `Tạo lại mẫu bằng "vanban new-form ${p.id}" trong một bản sao, rồi chép ${p.file} sang.`, en: `Scaffold the form with "vanban new-form ${p.id}" in a copy and bring ${p.file} over.` }),
  },
  'template.form_json': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `form.json không hợp lệ: ${p.detailVi}`, en: `form.json is invalid: ${p.detailEn}` }),
    hint: () => ({ vi: 'form.json cần "id" (đúng tên thư mục), "titleVi", "titleEn", "kyHieuLoai" (chữ viết tắt tên loại, NĐ 30 PL III) và "formats" (["docx", "pdf"]).', en: 'form.json needs "id" (the folder name), "titleVi", "titleEn", "kyHieuLoai" (the type abbreviation, NĐ 30 PL III) and "formats" (["docx", "pdf"]).' }),
  },
  'template.no_definition': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Mẫu "${p.id}" không có định nghĩa src/forms/${p.id}.ts.`, en: `Form "${p.id}" has no definition src/forms/${p.id}.ts.` }),
    hint: () => ({ vi: 'Tạo mẫu mới bằng "vanban new-form <id>": lệnh tạo cả hai nửa.', en: 'Create forms with "vanban new-form <id>": it writes both halves.' }),
  },
  'template.definition': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Định nghĩa mẫu ${p.file} không dùng được: ${p.detailVi}`, en: `The form definition ${p.file} cannot be used: ${p.detailEn}` }),
    hint: (p) => ({ vi: `Sửa ${p.file} sao cho "export default" là định nghĩa mẫu có id "${p.id}", đúng tên thư mục templates/${p.id}/.`, en: `Fix ${p.file} so that its "export default" is a form definition with id "${p.id}", the name of templates/${p.id}/.` }),
  },
  'template.docx_syntax': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Thẻ trong template.docx sai cú pháp: ${p.detail}`, en: `A tag of template.docx is malformed: ${p.detail}` }),
    hint: () => ({ vi: 'Mỗi thẻ nằm trong một cặp ngoặc { } trên cùng một đoạn; thẻ khối {@tên} phải đứng một mình trong đoạn của nó.', en: 'Each tag is one pair of braces { } inside one paragraph; a block tag {@name} must be alone in its paragraph.' }),
  },
  'template.unknown_tag': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Thẻ {${p.tag}} không có trong mô hình hiển thị của mẫu.`, en: `Tag {${p.tag}} does not exist in the form's view model.` }),
    hint: (p) => ({ vi: `${p.suggest ? `Có phải là {${p.suggest}}? ` : ''}Các thẻ dùng được: ${p.known}.`, en: `${p.suggest ? `Did you mean {${p.suggest}}? ` : ''}Tags you can use: ${p.known}.` }),
  },
  'template.split_tag': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Thẻ {${p.tag}} bị Word tách thành ${p.runs} đoạn chữ (run) khác nhau.`, en: `Tag {${p.tag}} is split by Word into ${p.runs} separate runs.` }),
    hint: () => ({ vi: 'Xóa cả thẻ rồi gõ lại liền một lần (hoặc dán dạng văn bản thuần: Ctrl+Shift+V); không sửa định dạng giữa chừng thẻ. Trong LibreOffice: chọn thẻ, Định dạng > Xóa định dạng trực tiếp.', en: 'Delete the whole tag and type it again in one go (or paste as plain text: Ctrl+Shift+V); do not format part of a tag. In LibreOffice: select the tag, Format > Clear Direct Formatting.' }),
  },
  'template.regulated_text': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Mẫu gõ tay ${p.whatVi} ("${p.text}"): phần này do khối dùng chung in ra theo NĐ 30.`, en: `The template types ${p.whatEn} ("${p.text}") by hand: the shared block prints it per NĐ 30.` }),
    hint: (p) => ({ vi: `Xóa chữ này và dùng ${p.use}.`, en: `Delete this text and use ${p.use}.` }),
  },
  'template.page_size': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Khổ giấy không phải A4 dọc (210 × 297 mm): ${p.detail}.`, en: `The page is not A4 portrait (210 × 297 mm): ${p.detail}.` }),
    hint: () => ({ vi: 'Word: Bố cục > Kích thước > A4, Hướng > Dọc. LibreOffice: Định dạng > Kiểu trang > Trang > A4, Dọc.', en: 'Word: Layout > Size > A4, Orientation > Portrait. LibreOffice: Format > Page Style > Page > A4, Portrait.' }),
  },
  'template.margin': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Lề ${p.sideVi} ${p.mm} mm nằm ngoài khoảng NĐ 30 cho phép (${p.min}–${p.max} mm).`, en: `The ${p.sideEn} margin ${p.mm} mm is outside NĐ 30's range (${p.min}–${p.max} mm).` }),
    hint: (p) => ({ vi: `Đặt lề ${p.sideVi} = ${p.token} mm (Word: Bố cục > Lề > Lề tùy chỉnh; LibreOffice: Định dạng > Kiểu trang > Trang).`, en: `Set the ${p.sideEn} margin to ${p.token} mm (Word: Layout > Margins > Custom Margins; LibreOffice: Format > Page Style > Page).` }),
  },
  'template.font': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Phông "${p.font}" (${p.where}) không phải ${p.expected} như NĐ 30 quy định.`, en: `Font "${p.font}" (${p.where}) is not ${p.expected} as NĐ 30 requires.` }),
    hint: (p) => ({ vi: `Chọn lại phông ${p.expected} cho đoạn đó (hoặc xóa định dạng trực tiếp để dùng phông mặc định).`, en: `Set the font back to ${p.expected} there (or clear direct formatting to use the default font).` }),
  },
  'template.page_number': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Số trang sai quy định NĐ 30: ${p.detailVi}.`, en: `The page number breaks NĐ 30: ${p.detailEn}.` }),
    hint: () => ({ vi: 'Số trang: chữ số Ả Rập, cỡ 13–14, đứng, căn giữa ở lề trên, không hiện ở trang 1 (Word: Chèn > Số trang > Đầu trang, bỏ "Trang đầu khác" rồi đánh dấu lại). Dễ nhất: tạo mẫu mới bằng vanban new-form và chép phần thân sang.', en: 'Page number: arabic, size 13–14, upright, centred in the top margin, not shown on page 1 (Word: Insert > Page Number > Top of Page, and tick "Different First Page"). Easiest: scaffold with vanban new-form and copy the body over.' }),
  },
  'template.hbs_syntax': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `template.hbs sai cú pháp handlebars: ${p.detail}`, en: `Handlebars syntax error: ${p.detail}` }),
    hint: () => ({ vi: 'Kiểm tra cặp {{ }} và mỗi {{#khối}} có {{/khối}} đóng tương ứng.', en: 'Check the {{ }} pairs and that each {{#block}} has its {{/block}}.' }),
  },
  'template.unknown_partial': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Khối {{> ${p.name}}} không có trong templates/_blocks.`, en: `Partial {{> ${p.name}}} does not exist in templates/_blocks.` }),
    hint: (p) => ({ vi: `${p.suggest ? `Có phải là ${p.suggest}? ` : ''}Các khối có sẵn: ${p.known}.`, en: `${p.suggest ? `Did you mean ${p.suggest}? ` : ''}Available partials: ${p.known}.` }),
  },
  'template.unknown_field': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `Trường "${p.name}" không có trong mô hình hiển thị của mẫu này.`, en: `Field "${p.name}" does not exist in this form's view model.` }),
    hint: (p) => ({ vi: `${p.suggest ? `Có phải là "${p.suggest}"? ` : ''}Các trường có: ${p.known}.`, en: `${p.suggest ? `Did you mean "${p.suggest}"? ` : ''}Fields there are: ${p.known}.` }),
  },
  'template.hbs_render': {
    stage: 'template', severity: 'error',
    message: (p) => ({ vi: `template.hbs không chạy được (chế độ strict) với dữ liệu mẫu ${p.example}: ${p.detail}`, en: `template.hbs fails in strict mode with the example ${p.example}: ${p.detail}` }),
    hint: () => ({ vi: 'Mỗi {{…}} phải có giá trị trong mô hình hiển thị; xem phần thẻ của từng mẫu trong docs/maintainers.vi.md.', en: 'Every {{…}} must have a value in the view model; see each form’s tags in docs/maintainers.en.md.' }),
  },
  'render.pdf_failed': {
    stage: 'render', severity: 'error',
    message: (p) => ({ vi: `Không in được PDF: ${p.detail}`, en: `PDF printing failed: ${p.detail}` }),
    hint: () => ({ vi: 'Thử lại; nếu lặp lại, chạy lệnh với --format docx và báo lỗi kèm tệp đầu vào.', en: 'Retry; if it repeats, run with --format docx and report the input file.' }),
  },
  'render.signature_slot': {
    stage: 'render', severity: 'error',
    message: (p) => ({ vi: `Không đặt được ô chữ ký số ${p.field} trong PDF: ${p.detailVi}.`, en: `The digital-signature slot ${p.field} cannot be placed in the PDF: ${p.detailEn}.` }),
    hint: () => ({ vi: 'Mỗi chữ ký phải được vẽ bằng khối dùng chung (cuoiVanBan, chuKyDoi, phuLuc) đúng một lần; kiểm tra template.hbs của mẫu.', en: 'Each signature must be drawn once by a shared block (cuoiVanBan, chuKyDoi, phuLuc); check the form’s template.hbs.' }),
  },
  'render.too_many_pages': {
    stage: 'render', severity: 'error',
    message: (p) => ({ vi: `Văn bản dài ${p.pages} trang, vượt giới hạn ${p.max} trang cho một yêu cầu của máy chủ.`, en: `The document runs to ${p.pages} pages, over the server's limit of ${p.max} pages per request.` }),
    hint: () => ({ vi: 'Tách hồ sơ thành nhiều hồ sơ nhỏ hơn, hoặc xuất JSON và tạo văn bản bằng lệnh vanban render (không giới hạn số trang).', en: 'Split the dossier into smaller ones, or export the JSON and render it with the vanban render command (no page limit).' }),
  },
  'env.no_browser': {
    stage: 'environment', severity: 'error',
    message: () => ({ vi: 'Không tìm thấy Chromium để in PDF.', en: 'No Chromium was found to print PDF.' }),
    hint: () => ({ vi: 'Cài Chromium (Debian: apt-get install chromium) hoặc đặt biến VANBAN_CHROMIUM trỏ tới tệp chạy; hoặc dùng --format docx.', en: 'Install Chromium (Debian: apt-get install chromium) or set VANBAN_CHROMIUM to its executable; or use --format docx.' }),
  },
  'env.no_font': {
    stage: 'environment', severity: 'error',
    message: () => ({ vi: 'Không có phông Times New Roman hoặc phông tương thích có tiếng Việt (Liberation Serif 2, Tinos).', en: 'No Times New Roman or metric-compatible font with Vietnamese (Liberation Serif 2, Tinos) is installed.' }),
    hint: () => ({ vi: 'Debian: apt-get install fonts-liberation2.', en: 'Debian: apt-get install fonts-liberation2.' }),
  },
  'env.out_dir': {
    stage: 'environment', severity: 'error',
    message: (p) => ({ vi: `Không dùng được thư mục đầu ra ${p.dir}: ${p.cause}`, en: `The output folder ${p.dir} cannot be used: ${p.cause}` }),
    hint: () => ({ vi: 'Chọn thư mục có quyền ghi và còn chỗ trống (--out).', en: 'Choose a writable folder with free space (--out).' }),
  },
  'env.no_ghostscript': {
    stage: 'environment', severity: 'error',
    message: () => ({ vi: 'Không tìm thấy Ghostscript (và hồ sơ màu sRGB của nó) để tạo PDF/A.', en: 'Ghostscript (with its sRGB colour profile) was not found to make PDF/A.' }),
    hint: () => ({ vi: 'Cài ghostscript (Debian: apt-get install ghostscript) hoặc đặt VANBAN_GHOSTSCRIPT trỏ tới tệp chạy; hoặc bỏ --pdfa.', en: 'Install ghostscript (Debian: apt-get install ghostscript) or set VANBAN_GHOSTSCRIPT to its executable; or leave out --pdfa.' }),
  },
  'env.no_pdftoppm': {
    stage: 'environment', severity: 'error',
    message: () => ({ vi: 'Không tìm thấy pdftoppm để vẽ ảnh PNG các trang.', en: 'pdftoppm was not found to draw PNG images of the pages.' }),
    hint: () => ({ vi: 'Cài poppler-utils (Debian: apt-get install poppler-utils, hoặc bash scripts/setup.sh).', en: 'Install poppler-utils (Debian: apt-get install poppler-utils, or bash scripts/setup.sh).' }),
  },
  'write.failed': {
    stage: 'write', severity: 'error',
    message: (p) => ({ vi: `Không ghi được tệp ${p.file}: ${p.cause}`, en: `Cannot write ${p.file}: ${p.cause}` }),
    hint: () => ({ vi: 'Kiểm tra thư mục đầu ra có quyền ghi và còn chỗ trống.', en: 'Check that the output folder is writable and has free space.' }),
  },
  'write.name_clash': {
    stage: 'write', severity: 'error',
    message: (p) => ({ vi: `Hai tệp đầu vào cho cùng tên tệp đầu ra ${p.file}.`, en: `Two inputs map to the same output name ${p.file}.` }),
    hint: () => ({ vi: 'Đổi tên một trong hai tệp đầu vào.', en: 'Rename one of the two input files.' }),
  },
  'write.locked': {
    stage: 'write', severity: 'error',
    message: (p) => ({ vi: `Thư mục đầu ra ${p.dir} đang được một lần chạy khác ghi (tiến trình ${p.pid}).`, en: `The output folder ${p.dir} is being written by another run (process ${p.pid}).` }),
    hint: () => ({ vi: 'Đợi lần chạy kia xong, hoặc dùng --out với thư mục khác.', en: 'Wait for the other run to finish, or give another folder with --out.' }),
  },
  'input.form_mismatch': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Khóa "form" là ${p.value} nhưng địa chỉ gửi tới mẫu "${p.expected}".`, en: `The "form" key is ${p.value} but the request is for the form "${p.expected}".` }),
    hint: (p) => ({ vi: `Bỏ khóa "form" hoặc đặt nó là "${p.expected}".`, en: `Omit the "form" key or set it to "${p.expected}".` }),
  },
  'http.too_large': {
    stage: 'input', severity: 'error',
    message: (p) => ({ vi: `Dữ liệu gửi lên vượt quá giới hạn ${p.limit}.`, en: `The request body is larger than the limit of ${p.limit}.` }),
    hint: () => ({ vi: 'Chia văn bản thành nhiều tệp, hoặc dùng lệnh vanban render cho dữ liệu lớn.', en: 'Split the document, or use the vanban render command for large inputs.' }),
  },
  'http.not_found': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Không có trang hoặc mẫu này: ${p.what}.`, en: `No such page or form: ${p.what}.` }),
    hint: (p) => ({ vi: `Các mẫu có: ${p.known}.`, en: `Known forms: ${p.known}.` }),
  },
  'http.method': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Phương thức ${p.method} không dùng được ở đây.`, en: `Method ${p.method} is not allowed here.` }),
    hint: (p) => ({ vi: `Dùng ${p.allowed}.`, en: `Use ${p.allowed}.` }),
  },
  'http.import_name': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Tên tệp cần nhập không hợp lệ: ${p.value}.`, en: `The name of the file to import is missing or of an unknown kind: ${p.value}.` }),
    hint: () => ({ vi: 'Gửi tệp trong thân yêu cầu với ?name=ten-tep.docx (hoặc .txt, .md, .xlsx, .csv).', en: 'Send the file as the request body with ?name=file.docx (or .txt, .md, .xlsx, .csv).' }),
  },
  'http.format': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Định dạng không hợp lệ: ${p.value}.`, en: `Unknown format: ${p.value}.` }),
    hint: () => ({ vi: 'Dùng ?format=pdf hoặc ?format=docx.', en: 'Use ?format=pdf or ?format=docx.' }),
  },
  'http.forbidden': {
    stage: 'usage', severity: 'error',
    message: () => ({ vi: 'Yêu cầu từ trang hoặc máy khác bị từ chối.', en: 'A request from another site or host was refused.' }),
    hint: () => ({ vi: 'Mở biểu mẫu từ chính địa chỉ máy chủ in ra khi khởi động.', en: 'Open the form from the address the server printed when it started.' }),
  },
  'http.busy': {
    stage: 'render', severity: 'error',
    message: () => ({ vi: 'Máy chủ đang bận in các văn bản khác.', en: 'The server is busy rendering other documents.' }),
    hint: () => ({ vi: 'Thử lại sau vài giây.', en: 'Try again in a few seconds.' }),
  },
  'http.timeout': {
    stage: 'render', severity: 'error',
    message: (p) => ({ vi: `Tạo văn bản quá ${p.seconds} giây nên đã dừng.`, en: `Rendering took longer than ${p.seconds} seconds and was stopped.` }),
    hint: () => ({ vi: 'Thử lại; nếu lặp lại, dùng lệnh vanban render với tệp JSON đã xuất.', en: 'Retry; if it repeats, use the vanban render command with the exported JSON.' }),
  },
  'http.client_busy': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Máy này đã có ${p.count} yêu cầu đang chờ máy chủ.`, en: `This client already has ${p.count} requests waiting for the server.` }),
    hint: () => ({ vi: 'Đợi các yêu cầu trước xong rồi gửi tiếp.', en: 'Wait for the earlier requests to finish before sending more.' }),
  },
  'http.unauthorized': {
    stage: 'usage', severity: 'error',
    message: () => ({ vi: 'Cần đăng nhập để dùng máy chủ này.', en: 'This server needs a login.' }),
    hint: () => ({ vi: 'Đăng nhập tại /login, hoặc gửi mã truy cập trong tiêu đề Authorization: Bearer <mã> (người quản trị tạo bằng vanban users token).', en: 'Log in at /login, or send an access token as Authorization: Bearer <token> (an administrator makes one with vanban users token).' }),
  },
  'http.login_failed': {
    stage: 'usage', severity: 'error',
    message: () => ({ vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong name or password.' }),
    hint: () => ({ vi: 'Gõ lại; nếu quên mật khẩu, nhờ người quản trị đặt lại (vanban users passwd).', en: 'Try again; if the password is lost, ask the administrator to set a new one (vanban users passwd).' }),
  },
  'http.login_throttled': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Đăng nhập sai quá nhiều lần; thử lại sau ${p.seconds} giây.`, en: `Too many failed logins; try again in ${p.seconds} seconds.` }),
    hint: () => ({ vi: 'Đợi hết thời gian chờ; nếu quên mật khẩu, nhờ người quản trị đặt lại.', en: 'Wait for the time to pass; if the password is lost, ask the administrator to set a new one.' }),
  },
  'http.csrf': {
    stage: 'usage', severity: 'error',
    message: () => ({ vi: 'Yêu cầu thiếu mã chống giả mạo (CSRF) của phiên đăng nhập.', en: 'The request lacks the session’s anti-forgery (CSRF) token.' }),
    hint: () => ({ vi: 'Tải lại trang biểu mẫu rồi thử lại; chương trình gọi API nên dùng mã truy cập thay cho phiên.', en: 'Reload the form page and try again; scripts should use an access token instead of a session.' }),
  },
  'serve.allow_host': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Máy chủ nghe trên ${p.host}, ra ngoài máy này, nhưng chưa có danh sách tên máy được phép (--allow-host).`, en: `The server would listen on ${p.host}, beyond this machine, without a list of allowed host names (--allow-host).` }),
    hint: () => ({ vi: 'Thêm --allow-host với tên hoặc địa chỉ mà người dùng gõ vào trình duyệt, ví dụ --allow-host vanban.xa.local,192.168.1.10.', en: 'Add --allow-host with the names or addresses users type in their browser, e.g. --allow-host vanban.xa.local,192.168.1.10.' }),
  },
  'serve.tls_needed': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Máy chủ nghe trên ${p.host} mà không mã hóa: mật khẩu và văn bản sẽ đi qua mạng ở dạng rõ.`, en: `The server would listen on ${p.host} without encryption: passwords and documents would cross the network in the clear.` }),
    hint: () => ({ vi: 'Dùng --tls-cert và --tls-key, hoặc đặt máy chủ sau một reverse proxy có HTTPS (xem README); chỉ trong mạng tin cậy mới dùng --plain-http.', en: 'Give --tls-cert and --tls-key, or put the server behind a reverse proxy with HTTPS (see the README); use --plain-http only on a trusted network.' }),
  },
  'serve.no_accounts': {
    stage: 'usage', severity: 'error',
    message: (p) => ({ vi: `Máy chủ cần đăng nhập nhưng kho tài khoản ${p.file} chưa có tài khoản hay mã truy cập nào.`, en: `The server needs a login but the account store ${p.file} has no account or access token.` }),
    hint: (p) => ({ vi: `Tạo tài khoản trước: vanban users add TÊN --users ${p.file}`, en: `Create an account first: vanban users add NAME --users ${p.file}` }),
  },
  'serve.users_file': {
    stage: 'environment', severity: 'error',
    message: (p) => ({ vi: `Không đọc được kho tài khoản: ${p.cause}`, en: `The account store cannot be read: ${p.cause}` }),
    hint: () => ({ vi: 'Kiểm tra đường dẫn --users và quyền đọc; tệp do lệnh vanban users tạo ra.', en: 'Check the --users path and that it is readable; the file is made by the vanban users command.' }),
  },
  'serve.tls_files': {
    stage: 'environment', severity: 'error',
    message: (p) => ({ vi: `Không dùng được chứng chỉ TLS: ${p.cause}`, en: `The TLS certificate cannot be used: ${p.cause}` }),
    hint: () => ({ vi: '--tls-cert là tệp chứng chỉ PEM (có thể kèm chuỗi chứng chỉ), --tls-key là khóa riêng PEM tương ứng.', en: '--tls-cert is a PEM certificate (its chain may follow), --tls-key the matching PEM private key.' }),
  },
  'internal.error': {
    stage: 'render', severity: 'error',
    message: (p) => ({ vi: `Lỗi nội bộ: ${p.cause}`, en: `Internal error: ${p.cause}` }),
    hint: () => ({ vi: 'Vui lòng báo lỗi kèm tệp đầu vào.', en: 'Please report this with the input file.' }),
  },
} satisfies Record<string, Entry>;

export type IssueCode = keyof typeof CATALOGUE;

export function makeIssue(
  code: IssueCode,
  params: Params = {},
  place: Partial<Pick<Issue, 'source' | 'path' | 'template' | 'cause'>> & { severity?: Severity } = {},
): Issue {
  const entry: Entry = CATALOGUE[code];
  const issue: Issue = {
    code,
    severity: place.severity ?? entry.severity,
    stage: entry.stage,
    message: entry.message(params),
  };
  if (place.source) issue.source = place.source;
  if (place.path) issue.path = place.path;
  if (place.template) issue.template = place.template;
  if (place.cause) issue.cause = place.cause;
  if (entry.hint) issue.hint = entry.hint(params);
  return issue;
}
