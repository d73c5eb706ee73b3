// pcapng (IETF draft-ietf-opsawg-pcapng): blocks of type, length, body, length. Sections (SHB) set the
// byte order; interfaces (IDB) give the link type and the time resolution; packets come in enhanced
// (EPB), simple (SPB) or obsolete (type 2) packet blocks. Other blocks are skipped.
import { t } from '../i18n/format.ts';
import { KNOWN_LINK_TYPES } from './decode.ts';
import { MAX_RECORD, type FrameSink } from './pcap.ts';
import { RecordReader, readU16, readU32 } from './records.ts';
import { CaptureError, type ReadStats } from './types.ts';

const SHB = 0x0a0d0d0a;

interface Interface { linkType: number; snaplen: number; unitsPerSec: number; digits: number; offsetSec: number }

export class PcapngReader extends RecordReader {
  private le = true;
  private started = false;
  private interfaces: Interface[] = [];
  private packets = 0;

  constructor(private readonly sink: FrameSink, private readonly stats: ReadStats) { super(); }

  protected recordLength(buf: Uint8Array, pos: number, offset: number): number {
    if (buf.length - pos < 12) return -1;
    const typeBE = readU32(buf, pos, false);
    if (typeBE === SHB) {
      const magic = readU32(buf, pos + 8, false);
      if (magic === 0x1a2b3c4d) this.le = false;
      else if (magic === 0x4d3c2b1a) this.le = true;
      else throw new CaptureError({ text: t('capture.error.badByteOrder'), offset: offset + 8 });
    } else if (!this.started) {
      throw new CaptureError({ text: t('capture.error.notCapture'), offset });
    }
    const length = readU32(buf, pos + 4, this.le);
    if (length < 12 || length % 4 !== 0 || length > MAX_RECORD) {
      throw new CaptureError({ text: t('capture.error.blockLength', { length }), offset, packet: this.isPacket(buf, pos) ? this.packets + 1 : undefined });
    }
    return length;
  }

  private isPacket(buf: Uint8Array, pos: number): boolean {
    const type = readU32(buf, pos, this.le);
    return type === 6 || type === 3 || type === 2;
  }

  protected record(b: Uint8Array, offset: number): void {
    const type = readU32(b, 0, this.le), length = b.length;
    if (readU32(b, length - 4, this.le) !== length) {
      throw new CaptureError({ text: t('capture.error.blockTrailer', { length, trailer: readU32(b, length - 4, this.le) }), offset });
    }
    if (type === SHB) { this.started = true; this.interfaces = []; return; }
    if (type === 1) { this.interface(b, offset); return; }
    if (type === 6 || type === 2) {
      if (length < 32) throw new CaptureError({ text: t('capture.error.blockLength', { length }), offset, packet: this.packets + 1 });
      this.packets++;
      const id = type === 6 ? readU32(b, 8, this.le) : readU16(b, 8, this.le);
      const iface = this.interfaces[id];
      if (!iface) throw new CaptureError({ text: t('capture.error.noInterface', { id }), packet: this.packets, offset });
      const caplen = readU32(b, 20, this.le);
      if (28 + caplen > length - 4) throw new CaptureError({ text: t('capture.error.blockLength', { length }), packet: this.packets, offset });
      if (iface.linkType < 0) { this.stats.unknownLink++; return; }
      const [sec, nsec] = time(readU32(b, 12, this.le), readU32(b, 16, this.le), iface);
      this.sink(b.subarray(28, 28 + caplen), { number: this.packets, offset, sec, nsec, precision: iface.digits, linkType: iface.linkType });
      return;
    }
    if (type === 3) { // simple packet block: interface 0, no time
      this.packets++;
      const iface = this.interfaces[0];
      if (!iface) throw new CaptureError({ text: t('capture.error.noInterface', { id: 0 }), packet: this.packets, offset });
      const orig = readU32(b, 8, this.le);
      const caplen = Math.min(orig, length - 16, iface.snaplen || Infinity);
      if (iface.linkType < 0) { this.stats.unknownLink++; return; }
      this.sink(b.subarray(12, 12 + caplen), { number: this.packets, offset, sec: NaN, nsec: 0, precision: iface.digits, linkType: iface.linkType });
    }
  }

  private interface(b: Uint8Array, offset: number): void {
    if (b.length < 20) throw new CaptureError({ text: t('capture.error.blockLength', { length: b.length }), offset });
    const linkType = readU16(b, 8, this.le);
    const iface: Interface = { linkType, snaplen: readU32(b, 12, this.le), unitsPerSec: 1e6, digits: 6, offsetSec: 0 };
    for (let p = 16; p + 4 <= b.length - 4;) { // options: code, length, value padded to 4
      const code = readU16(b, p, this.le), len = readU16(b, p + 2, this.le);
      if (code === 0) break;
      if (code === 9 && len >= 1) {
        const v = b[p + 4];
        if (v & 0x80) { iface.unitsPerSec = 2 ** (v & 0x7f); iface.digits = Math.ceil((v & 0x7f) * Math.log10(2)); }
        else { iface.unitsPerSec = 10 ** v; iface.digits = v; }
      } else if (code === 14 && len === 8) {
        const first = readU32(b, p + 4, this.le), second = readU32(b, p + 8, this.le);
        const [hi, lo] = this.le ? [second | 0, first] : [first | 0, second]; // signed 64-bit seconds
        iface.offsetSec = hi * 4294967296 + lo;
      }
      p += 4 + Math.ceil(len / 4) * 4;
    }
    if (!KNOWN_LINK_TYPES.has(linkType)) {
      iface.linkType = -1;
      this.stats.warnings.push({ text: t('capture.warn.linkType', { id: this.interfaces.length, linkType }), offset });
    }
    this.interfaces.push(iface);
  }

  protected pendingWhat(): string { return 'capture.what.block'; }
  protected pendingPacket(): number | undefined { return undefined; }
}

/** 64-bit timestamp in interface units -> whole seconds and nanoseconds, exactly. */
function time(high: number, low: number, iface: Interface): [number, number] {
  const u = iface.unitsPerSec;
  if (u <= 1e6) {
    const v = high * 4294967296 + low; // below 2^53 for any date before year 2255 at microseconds
    const sec = Math.floor(v / u);
    return [sec + iface.offsetSec, Math.round(((v - sec * u) * 1e9) / u)];
  }
  const v = (BigInt(high) << 32n) | BigInt(low);
  const U = BigInt(Math.round(u));
  const sec = v / U;
  return [Number(sec) + iface.offsetSec, Number(((v - sec * U) * 1_000_000_000n) / U)];
}
