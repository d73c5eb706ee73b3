// The part every push reader shares: bytes arrive in chunks of any size; a record is handled once it is
// whole. Only the unfinished tail of a chunk is kept (copied), so memory stays the size of one record.
import { CaptureError } from './types.ts';
import { t } from '../i18n/format.ts';

export abstract class RecordReader {
  private rest: Uint8Array = new Uint8Array(0) as Uint8Array;
  /** File offset of rest[0]. */
  private restOffset = 0;
  protected done = false;

  push(chunk: Uint8Array): void {
    if (this.done || chunk.length === 0) return;
    let buf = chunk;
    if (this.rest.length > 0) {
      buf = new Uint8Array(this.rest.length + chunk.length);
      buf.set(this.rest, 0); buf.set(chunk, this.rest.length);
    }
    const base = this.restOffset;
    let pos = 0;
    while (!this.done) {
      const need = this.recordLength(buf, pos, base + pos);
      if (need < 0 || pos + need > buf.length) break;
      this.record(buf.subarray(pos, pos + need), base + pos);
      pos += need;
    }
    this.rest = pos === buf.length ? new Uint8Array(0) : buf.slice(pos);
    this.restOffset = base + pos;
  }

  /** The input ended: an unfinished record is a truncated file. */
  end(): void {
    if (this.done) return;
    this.done = true;
    if (this.rest.length > 0) {
      throw new CaptureError({ text: t('capture.error.truncated', { have: this.rest.length, what: t(this.pendingWhat()) }), offset: this.restOffset, packet: this.pendingPacket() });
    }
  }

  /** Length of the record starting at buf[pos] (-1: its header is not complete yet). Throws on a bad length. */
  protected abstract recordLength(buf: Uint8Array, pos: number, offset: number): number;
  protected abstract record(bytes: Uint8Array, offset: number): void;
  /** For the truncation message: the message id of what was being read, and its packet number when it is a packet. */
  protected abstract pendingWhat(): string;
  protected abstract pendingPacket(): number | undefined;
}

export function readU32(d: Uint8Array, at: number, le: boolean): number {
  return le ? (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0
    : ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;
}
export function readU16(d: Uint8Array, at: number, le: boolean): number {
  return le ? d[at] | (d[at + 1] << 8) : (d[at] << 8) | d[at + 1];
}
