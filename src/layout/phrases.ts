// What a Vietnamese line may not be broken inside: the compound words and fixed phrases of administrative text, the
// generic words of administrative units that open a place name, and the function words a line should not end on.
// Vietnamese writes each syllable apart, so a space is no sign of a word boundary: "KHEN / THƯỞNG" tears one word.

/**
 * Compound words (one word of two or three syllables): a break inside one tears the word. Lower case, NFC, one space
 * between syllables. Add the words of a new field here when its documents show a torn word.
 */
export const TU_GHEP: readonly string[] = [
  // bodies and posts
  'ủy ban', 'uỷ ban', 'nhân dân', 'hội đồng', 'chủ tịch', 'chủ nhiệm', 'giám đốc', 'văn phòng', 'thanh tra', 'chánh thanh tra',
  'trưởng ban', 'trưởng phòng', 'trưởng khoa', 'hiệu trưởng', 'bí thư', 'thủ trưởng', 'thủ tướng', 'bộ trưởng', 'thứ trưởng',
  'cục trưởng', 'vụ trưởng', 'tổng cục', 'chi cục', 'chi nhánh', 'thường trực', 'thường vụ', 'ban chấp hành', 'chấp hành',
  'đảng ủy', 'đảng uỷ', 'huyện ủy', 'tỉnh ủy', 'thành ủy', 'quận ủy', 'công đoàn', 'liên đoàn', 'đoàn thể', 'đoàn viên',
  'thanh niên', 'phụ nữ', 'nông dân', 'cựu chiến binh', 'chiến binh', 'mặt trận', 'tổ quốc', 'liên hiệp', 'hội viên',
  'thành viên', 'ủy viên', 'uỷ viên', 'thư ký', 'chủ tọa', 'chủ toạ', 'chủ trì', 'trung tâm', 'trung ương', 'chính phủ',
  'quốc hội', 'nhà nước', 'công an', 'quân sự', 'quân đội', 'bộ đội', 'biên phòng', 'kiểm sát', 'tòa án', 'toà án',
  'kho bạc', 'ngân hàng', 'bảo hiểm', 'bưu điện', 'bệnh viện', 'trạm y tế', 'y tế', 'trường học', 'mầm non', 'tiểu học',
  'trung học', 'cơ sở', 'phổ thông', 'đại học', 'cao đẳng', 'học viện', 'viện kiểm sát', 'ban quản lý', 'quản lý',
  'bộ phận', 'đơn vị', 'cơ quan', 'tổ chức', 'doanh nghiệp', 'hợp tác xã', 'công ty', 'tập đoàn', 'phòng ban',
  'cộng sản', 'hồ chí minh', 'cộng hòa', 'cộng hoà', 'xã hội', 'chủ nghĩa', 'việt nam', 'độc lập', 'tự do', 'hạnh phúc',
  // administrative units
  'thành phố', 'thị xã', 'thị trấn', 'tỉnh lộ', 'khu phố', 'tổ dân phố', 'dân phố', 'thôn xóm',
  // fields of the agencies
  'thi đua', 'khen thưởng', 'hành chính', 'hành chính công', 'nội vụ', 'tài chính', 'kế hoạch', 'đầu tư', 'tư pháp',
  'lao động', 'thương binh', 'văn hóa', 'văn hoá', 'thể thao', 'du lịch', 'giáo dục', 'đào tạo', 'khoa học', 'công nghệ',
  'thông tin', 'truyền thông', 'tài nguyên', 'môi trường', 'nông nghiệp', 'nông thôn', 'phát triển', 'công thương',
  'xây dựng', 'giao thông', 'vận tải', 'ngoại vụ', 'dân tộc', 'tôn giáo', 'thuế vụ', 'hải quan', 'thống kê', 'kinh tế',
  'hạ tầng', 'đô thị', 'quy hoạch', 'kiến trúc', 'dân số', 'gia đình', 'trẻ em', 'an ninh', 'trật tự', 'quốc phòng',
  'phục vụ', 'tiếp nhận', 'kết quả', 'thủ tục', 'một cửa', 'liên thông', 'dịch vụ', 'công ích', 'sự nghiệp',
  // the vocabulary of thi đua and khen thưởng
  'phong trào', 'chiến sĩ', 'tiên tiến', 'xuất sắc', 'điển hình', 'nhân rộng', 'gương mẫu', 'danh hiệu', 'hình thức',
  'bằng khen', 'giấy khen', 'huân chương', 'huy chương', 'kỷ niệm chương', 'tập thể', 'cá nhân', 'thành tích',
  'đề nghị', 'xét tặng', 'tặng thưởng', 'truy tặng', 'biểu dương', 'tôn vinh', 'sơ kết', 'tổng kết', 'đánh giá',
  'cải cách', 'đẩy mạnh', 'thực hiện', 'triển khai', 'hướng dẫn', 'chỉ đạo', 'lãnh đạo', 'quyết định', 'nghị quyết',
  'nghị định', 'thông tư', 'chỉ thị', 'kế hoạch', 'chương trình', 'đề án', 'dự án', 'báo cáo', 'tờ trình', 'biên bản',
  'công văn', 'thông báo', 'phát động', 'giai đoạn', 'nhiệm vụ', 'mục tiêu', 'mục đích', 'yêu cầu', 'nội dung',
  'giải pháp', 'tổ chức', 'công tác', 'hoạt động', 'chuyển đổi', 'chuyển đổi số', 'kỷ cương', 'kỷ luật', 'văn minh',
  'địa bàn', 'địa phương', 'trên địa bàn', 'cán bộ', 'công chức', 'viên chức', 'người lao động', 'học sinh', 'sinh viên',
  'giáo viên', 'nhân viên', 'chính quyền', 'chính trị', 'đoàn kết', 'sáng tạo', 'thiết thực', 'hiệu quả', 'chất lượng',
  'bền vững', 'an toàn', 'nông thôn mới', 'đô thị văn minh', 'chuyên nghiệp', 'hiện đại', 'minh bạch', 'trách nhiệm',
  'hành chính nhà nước', 'năm học', 'tài khóa', 'tài khoá',
];

/**
 * Longer fixed phrases: a break between their words is allowed but costly, so a line breaks elsewhere when it can
 * ("THI ĐUA - KHEN THƯỞNG", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH").
 */
export const CUM_CO_DINH: readonly string[] = [
  'ủy ban nhân dân', 'uỷ ban nhân dân', 'hội đồng nhân dân', 'thi đua - khen thưởng', 'thi đua khen thưởng',
  'phó chủ tịch', 'phó giám đốc', 'phó chánh văn phòng', 'chánh văn phòng', 'phó trưởng ban', 'phó trưởng phòng',
  'phó bí thư', 'phó thủ trưởng', 'phó hiệu trưởng', 'phó chánh thanh tra', 'thanh tra tỉnh', 'thanh tra thành phố',
  'đoàn thanh niên', 'đoàn thanh niên cộng sản hồ chí minh', 'mặt trận tổ quốc', 'mặt trận tổ quốc việt nam',
  'hội liên hiệp phụ nữ', 'hội cựu chiến binh', 'hội nông dân', 'công an nhân dân', 'quân đội nhân dân',
  'phục vụ hành chính công', 'trung tâm phục vụ hành chính công', 'tiếp nhận và trả kết quả',
  'lao động - thương binh và xã hội', 'lao động thương binh và xã hội', 'văn hóa, thể thao và du lịch',
  'văn hoá, thể thao và du lịch', 'giáo dục và đào tạo', 'khoa học và công nghệ', 'thông tin và truyền thông',
  'tài nguyên và môi trường', 'nông nghiệp và phát triển nông thôn', 'kế hoạch và đầu tư', 'giao thông vận tải',
  'chiến sĩ thi đua', 'chiến sĩ thi đua cơ sở', 'lao động tiên tiến', 'tập thể lao động xuất sắc', 'tập thể lao động tiên tiến',
  'cờ thi đua', 'thủ tướng chính phủ', 'cải cách hành chính', 'điển hình tiên tiến', 'người báo cáo',
  'xác nhận của', 'thủ trưởng đơn vị', 'cấp trên trực tiếp',
  'cộng hòa xã hội chủ nghĩa việt nam', 'cộng hoà xã hội chủ nghĩa việt nam',
];

/** Generic words of administrative units: the name after one is a proper name, kept whole and with its generic word. */
export const DON_VI_HANH_CHINH: readonly string[] = [
  'tỉnh', 'thành phố', 'quận', 'huyện', 'thị xã', 'xã', 'phường', 'thị trấn', 'thôn', 'ấp', 'bản', 'làng', 'khu phố', 'tổ dân phố',
];

/** Authority prefixes of a signature (§1.7): never left alone at a line end. */
export const TIEN_TO_KY: readonly string[] = ['tm.', 'kt.', 'tl.', 'tuq.', 'q.'];

/** Words a line may start with but should not end with: prepositions, conjunctions, classifiers (sentence case). */
export const HU_TU: readonly string[] = [
  'của', 'và', 'về', 'với', 'cho', 'trên', 'tại', 'trong', 'theo', 'để', 'nhằm', 'đối', 'các', 'những', 'mọi',
  'từ', 'đến', 'bởi', 'do', 'vì', 'khi', 'là', 'thì', 'mà', 'hoặc', 'hay', 'cùng', 'năm', 'ngày', 'tháng', 'số', 'giai',
];

/** Words that say a number follows; "năm / 2022" is torn as surely as a word. */
export const TRUOC_SO: readonly string[] = ['năm', 'ngày', 'tháng', 'số', 'đoạn', 'khóa', 'khoá', 'nhiệm kỳ', 'lần', 'quý', 'đợt'];
