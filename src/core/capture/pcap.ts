// Classic libpcap files: a 24-octet header, then records of 16 octets + the captured bytes.
// Either byte order; magic a1b2c3d4 for microseconds, a1b23c4d for nanoseconds.
import { t } from '../i18n/format.ts';
import { KNOWN_LINK_TYPES, type FrameInfo } from './decode.ts';
import { RecordReader, readU32 } from './records.ts';
import { CaptureError } from './types.ts';

export type FrameSink = (data: Uint8Array, info: FrameInfo) => void;

/** The largest record accepted: tcpdump's maximum snapshot is 256 KiB; anything far beyond is corruption. */
export const MAX_RECORD = 16 * 1024 * 1024;

export class PcapReader extends RecordReader {
  private le = true;
  private nano = false;
  private linkType = -1;
  private snaplen = 0;
  private packets = 0;

  constructor(private readonly sink: FrameSink) { super(); }

  protected recordLength(buf: Uint8Array, pos: number, offset: number): number {
    if (this.linkType < 0) return buf.length - pos >= 24 ? 24 : -1;
    if (buf.length - pos < 16) return -1;
    const incl = readU32(buf, pos + 8, this.le), orig = readU32(buf, pos + 12, this.le);
    const limit = Math.min(MAX_RECORD, Math.max(this.snaplen, 262144));
    if (incl > limit) {
      throw new CaptureError({ text: t('capture.error.recordTooLong', { length: incl, limit }), packet: this.packets + 1, offset });
    }
    if (incl > orig && orig !== 0) {
      throw new CaptureError({ text: t('capture.error.capturedOverOriginal', { captured: incl, original: orig }), packet: this.packets + 1, offset });
    }
    return 16 + incl;
  }

  protected record(bytes: Uint8Array, offset: number): void {
    if (this.linkType < 0) { this.header(bytes); return; }
    this.packets++;
    const sec = readU32(bytes, 0, this.le), frac = readU32(bytes, 4, this.le);
    this.sink(bytes.subarray(16), { number: this.packets, offset, sec, nsec: this.nano ? frac : frac * 1000, precision: this.nano ? 9 : 6, linkType: this.linkType });
  }

  private header(h: Uint8Array): void {
    const magicBE = readU32(h, 0, false);
    if (magicBE === 0xa1b2c3d4 || magicBE === 0xa1b23c4d) this.le = false;
    else if (magicBE === 0xd4c3b2a1 || magicBE === 0x4d3cb2a1) this.le = true;
    else throw new CaptureError({ text: t('capture.error.notCapture'), offset: 0 });
    this.nano = magicBE === 0xa1b23c4d || magicBE === 0x4d3cb2a1;
    this.snaplen = readU32(h, 16, this.le);
    const link = readU32(h, 20, this.le) & 0xffff;
    if (!KNOWN_LINK_TYPES.has(link)) throw new CaptureError({ text: t('capture.error.linkType', { linkType: link }), offset: 20 });
    this.linkType = link;
  }

  protected pendingWhat(): string { return this.linkType < 0 ? 'capture.what.header' : 'capture.what.packet'; }
  protected pendingPacket(): number | undefined { return this.linkType < 0 ? undefined : this.packets + 1; }
}
