// The names a clerk reads a body block by ("Mục II", "khoản 3", "điểm a"), numbered as the document will print them
// (src/viewmodel/body.ts and numbering.ts: headings and untitled khoản share a counter per level, điểm and 1) items
// count apart), so a list item and a message say which block they are about instead of an index.

const DIEM = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
/** Arrays of body blocks, and the depth their first level prints at (a report's achievements sit under its II.). */
const BODY_KEYS = { noiDung: 0, thanhTich: 1 };

/** @param {number} n */
function roman(n) {
  const table = /** @type {[number, string][]} */ ([[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]);
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** "$.noiDung[1].noiDung[2].khoan" → ["noiDung", 1, "noiDung", 2, "khoan"]. @param {string} p */
export function segments(p) {
  /** @type {(string | number)[]} */
  const out = [];
  for (const m of p.replace(/^\$/, '').matchAll(/\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)));
  }
  return out;
}

/** The label of block `i` among its siblings, at a depth, under the numbers of the headings above it. */
function label(siblings, i, depth, parents) {
  const b = siblings[i];
  const before = siblings.slice(0, i);
  const count = (/** @type {(x: any) => boolean} */ f) => before.filter(f).length;
  if (typeof b === 'string') return { text: `đoạn ${count((x) => typeof x === 'string') + 1}` };
  if (!b || typeof b !== 'object') return { text: `khối ${i + 1}` };
  if ('gach' in b) return { text: `dòng “-” thứ ${count((x) => x && typeof x === 'object' && 'gach' in x) + 1}` };
  if ('soThuTu' in b) return { text: `ý ${count((x) => x && typeof x === 'object' && 'soThuTu' in x) + 1})` };
  if ('diem' in b) return { text: `điểm ${DIEM[count((x) => x && typeof x === 'object' && 'diem' in x) % DIEM.length]}` };
  const number = count((x) => x && typeof x === 'object' && ('tieuDe' in x || 'khoan' in x));
  const nums = [...parents, number];
  const text = depth === 0 ? `Mục ${roman(number + 1)}`
    : depth === 1 ? `khoản ${number + 1}`
      : depth === 2 ? `tiểu khoản ${nums[1] + 1}.${number + 1}`
        : depth === 3 ? `tiểu khoản ${nums[1] + 1}.${nums[2] + 1}.${number + 1}`
          : `điểm ${DIEM[number % DIEM.length]}`;
  return { text, number };
}

/**
 * The blocks a path goes through, named as printed: ["Mục II", "khoản 3"]; empty when the path is not in a body.
 * @param {any} root @param {(string | number)[]} path
 */
export function blockTrail(root, path) {
  /** @type {string[]} */
  const trail = [];
  let v = root;
  let depth = -1;
  /** @type {number[]} */
  let parents = [];
  for (let k = 0; k < path.length; k++) {
    const key = path[k];
    const next = path[k + 1];
    if (typeof key === 'string' && Array.isArray(v?.[key]) && typeof next === 'number') {
      const base = /** @type {Record<string, number>} */ (BODY_KEYS)[key];
      if (depth >= 0 && key === 'noiDung') depth++;
      else if (base !== undefined && depth < 0) {
        depth = base;
        parents = base === 1 ? [1] : [];
      } else {
        v = v?.[key];
        continue;
      }
      const l = label(v[key], next, depth, parents);
      trail.push(l.text);
      parents = [...parents, l.number ?? -1];
      v = v[key][next];
      k++;
      continue;
    }
    v = v?.[key];
  }
  return trail;
}

/** "Mục II" for a list item's title, capitalised. @param {any} root @param {(string | number)[]} path */
export function blockTitle(root, path) {
  const t = blockTrail(root, path).at(-1);
  return t ? t.charAt(0).toLocaleUpperCase('vi') + t.slice(1) : undefined;
}
