// A ZIP writer for documents made from a compiled template: the parts that never change are deflated once per template
// and copied as bytes; only the filled parts are deflated per document, with Node's zlib and CRC-32.
import zlib from 'node:zlib';

/** A part ready to store: its deflated bytes, CRC-32 and size. */
export interface StoredPart {
  name: Buffer;
  crc: number;
  size: number;
  deflated: Buffer;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of the bytes: zlib's where Node has it (20.15 and later), else a table. */
export function crc32(b: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(b) >>> 0;
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A part deflated at `level`: the filled parts use 3, about half the time of zlib's default 6 for a tenth more bytes
 * (a 35 KB document.xml: 0.19 ms and 3.3 KB against 0.38 ms and 2.9 KB), which a batch of thousands feels.
 */
export function storePart(name: string, content: Uint8Array, level = zlib.constants.Z_DEFAULT_COMPRESSION): StoredPart {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(content), size: content.length, deflated: zlib.deflateRawSync(content, { level }) };
}

/** MS-DOS time and date of an ISO local date-time ("2021-06-09T00:00:00+07:00"), as the document gives it. */
function dosDateTime(iso: string): { time: number; date: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso);
  const [y, mo, d, h, mi, s] = m ? m.slice(1).map((x) => Number(x ?? 0)) : [1980, 1, 1, 0, 0, 0];
  return { time: (h! << 11) | (mi! << 5) | (s! >> 1), date: ((Math.max(1980, y!) - 1980) << 9) | (mo! << 5) | d! };
}

/** The ZIP of the parts, in order, every entry deflated and dated `isoDate` (the same input gives the same bytes). */
export function writeZip(parts: readonly StoredPart[], isoDate: string): Buffer {
  const { time, date } = dosDateTime(isoDate);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    // The local header and the central directory entry hold the same fields from "version needed" to the name's
    // length, at offsets 4 and 6 (APPNOTE 4.3.7, 4.3.12).
    const same = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(time, at + 6);
      b.writeUInt16LE(date, at + 8);
      b.writeUInt32LE(p.crc, at + 10);
      b.writeUInt32LE(p.deflated.length, at + 14);
      b.writeUInt32LE(p.size, at + 18);
      b.writeUInt16LE(p.name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    same(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    same(dir, 6);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, p.name, p.deflated);
    central.push(dir, p.name);
    offset += 30 + p.name.length + p.deflated.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
