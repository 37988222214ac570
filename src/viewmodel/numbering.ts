// Heading labels of the body (regulations §1.4.1 B): I. / 1. / 1.1. / 1.1.1. / a), with the Vietnamese letter order,
// and the 1) 2) 3) of numbered items.

export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Letters for điểm: no f, j, w, z, and đ after d (§1.4.1). */
export const DIEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

export function diemLetter(index: number): string {
  const n = DIEM_LETTERS.length;
  // Past "y" the letters double (aa, bb …), as long lists in legal texts do.
  const letter = DIEM_LETTERS[index % n]!;
  return letter.repeat(Math.floor(index / n) + 1);
}

/** The label of the i-th heading (0-based) at a depth, given the labels of its ancestors. */
export function headingLabel(depth: number, index: number, parentNumbers: readonly number[]): string {
  switch (depth) {
    case 0:
      return `${roman(index + 1)}.`;
    case 1:
      return `${index + 1}.`;
    case 2:
      return `${parentNumbers[1]! + 1}.${index + 1}.`;
    // 1.1.1. under 1.1., as plans number their sections ("3.1.1. Khen thưởng hằng năm"); NĐ 30 names no deeper level.
    case 3:
      return `${parentNumbers[1]! + 1}.${parentNumbers[2]! + 1}.${index + 1}.`;
    default:
      return `${diemLetter(index)})`;
  }
}

export const MAX_HEADING_DEPTH = 4;
