// Amounts of money in Vietnamese words and figures, as award documents write them.

const CHU_SO = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const chuSo = (d: number): string => CHU_SO[d] ?? '';

function kiemTra(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Expected a non-negative safe integer, got ${n}`);
  }
}

// `day` is set when a non-zero group was already spoken above this one: the hundreds
// must then be said even when zero ("một nghìn không trăm linh năm"), so that the
// listener does not hear "một nghìn linh năm" as a different place value.
function docBaSo(n: number, day: boolean): string {
  const tram = Math.floor(n / 100);
  const chuc = Math.floor(n / 10) % 10;
  const donVi = n % 10;
  const tu: string[] = [];
  if (tram > 0 || day) tu.push(chuSo(tram), 'trăm');
  if (chuc === 0) {
    if (donVi > 0) {
      if (tu.length > 0) tu.push('linh');
      tu.push(chuSo(donVi));
    }
  } else {
    tu.push(chuc === 1 ? 'mười' : `${chuSo(chuc)} mươi`);
    // Euphonic forms: "mốt" and "tư" only after "mươi"; "lăm" after any tens word.
    if (donVi === 1) tu.push(chuc === 1 ? 'một' : 'mốt');
    else if (donVi === 4) tu.push(chuc === 1 ? 'bốn' : 'tư');
    else if (donVi === 5) tu.push('lăm');
    else if (donVi > 0) tu.push(chuSo(donVi));
  }
  return tu.join(' ');
}

const TY = 1_000_000_000;
const DON_VI_NHOM = ['triệu', 'nghìn', ''] as const;

// Reads n < 1 tỷ; whole-zero groups are left unspoken rather than "không triệu".
function docDuoiTy(n: number, day: boolean): string {
  const nhom = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const tu: string[] = [];
  nhom.forEach((g, i) => {
    if (g === 0) return;
    tu.push(docBaSo(g, day || tu.length > 0));
    const ten = DON_VI_NHOM[i];
    if (ten) tu.push(ten);
  });
  return tu.join(' ');
}

// Beyond tỷ the scale words repeat in front of it ("một nghìn tỷ"), hence the recursion.
function doc(n: number, day: boolean): string {
  if (n < TY) return docDuoiTy(n, day);
  const cao = Math.floor(n / TY);
  const thap = n % TY;
  const phanCao = `${doc(cao, day)} tỷ`;
  return thap === 0 ? phanCao : `${phanCao} ${docDuoiTy(thap, true)}`;
}

/** A non-negative safe integer in Vietnamese words, lower case ("hai mươi mốt"). */
export function docSo(n: number): string {
  kiemTra(n);
  return n === 0 ? CHU_SO[0] : doc(n, false);
}

/** An amount as written in words on the document: "Bảy trăm mười nghìn đồng". */
export function soTienBangChu(n: number): string {
  const chu = docSo(n);
  return `${chu.charAt(0).toUpperCase()}${chu.slice(1)} đồng`;
}

/** An amount in figures with "." between thousands: "2.340.000". */
export function dinhDangSo(n: number): string {
  kiemTra(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, '.');
}
