// Splits a document into lines and a line into tokens. Tokens live in reusable typed arrays:
// a 10 MB file must not allocate an object per token.

export const enum Tok { Word, Number, String, Punct }

export interface LineSource { text: string; line: number }

export class LineTokens {
  kind = new Uint8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Decoded value of string tokens, by token index. */
  strings: (string | undefined)[] = [];
  /** Whether string token i was closed. */
  closed: boolean[] = [];
  count = 0;
  /** Where a comment starts (or the line length). */
  codeEnd = 0;
  /** The line as written: token texts, strings, titles and notes come from here. */
  text = '';
  /** The same line with full-width punctuation tokens (`：，＝＋？`) in their ASCII form (contract 1); same length
   *  and columns as `text`. Punctuation is compared here. */
  code = '';
  line = 0;

  private push(kind: Tok, start: number, end: number): void {
    if (this.count === this.kind.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => { const b = make(a.length * 2); b.set(a); return b; };
      this.kind = grow(this.kind, (n) => new Uint8Array(n));
      this.start = grow(this.start, (n) => new Int32Array(n));
      this.end = grow(this.end, (n) => new Int32Array(n));
    }
    this.kind[this.count] = kind;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }

  tokenText(i: number): string { return this.text.slice(this.start[i], this.end[i]); }
  /** Token i as read: punctuation in its ASCII form (`：` is `:`), anything else as written. */
  codeText(i: number): string { return this.code.slice(this.start[i], this.end[i]); }

  private readonly interned = new Map<number, string[]>();
  /** The text of token i, shared with every earlier equal token (names, flags and keywords repeat). */
  internedText(i: number): string { return this.intern(this.start[i], this.end[i]); }
  intern(s: number, e: number): string {
    const text = this.text;
    if (e - s > 24) return text.slice(s, e);
    let h = e - s;
    for (let k = s; k < e; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    let bucket = this.interned.get(h);
    if (bucket) {
      for (const w of bucket) if (w.length === e - s && text.startsWith(w, s)) return w;
    } else this.interned.set(h, (bucket = []));
    const w = text.slice(s, e);
    bucket.push(w);
    return w;
  }
  /** Token i is a punctuation mark with exactly this text. */
  isPunct(i: number, p: string): boolean {
    if (i >= this.count || this.kind[i] !== Tok.Punct) return false;
    const s = this.start[i];
    const n = this.end[i] - s;
    if (n !== p.length) return false;
    return this.code.charCodeAt(s) === p.charCodeAt(0) && (n === 1 || this.code.charCodeAt(s + 1) === p.charCodeAt(1));
  }
  isWord(i: number): boolean { return i < this.count && this.kind[i] === Tok.Word; }
  /** Token i+1 starts right where token i ends. */
  adjacent(i: number): boolean { return i + 1 < this.count && this.end[i] === this.start[i + 1]; }

  /** Tokenizes one line (without its line break). */
  tokenize(text: string, line: number): void {
    this.text = text;
    this.code = text;
    this.line = line;
    this.count = 0;
    if (this.strings.length) { this.strings.length = 0; this.closed.length = 0; }
    const n = text.length;
    let i = 0;
    let wide = false;
    this.codeEnd = n;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 0xfeff || c === 11 || c === 12 || c === 0x3000) { i++; continue; }
      if (c >= 0x2000) { const a = asciiOf(c); if (a !== c) { c = a; wide = true; } }
      if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) { this.codeEnd = i; break; }
      const s = i;
      if (isWordStart(c)) {
        i++;
        while (i < n && isWordPart(text.charCodeAt(i))) i++;
        this.push(Tok.Word, s, i);
      } else if (c >= 48 && c <= 57) {
        i++;
        while (i < n && isWordPart(text.charCodeAt(i))) i++;
        this.push(Tok.Number, s, i);
      } else if (c === 34 /* " or “ */) {
        // a string opened with “ ends at ” or "; one opened with " only at " (contract 1)
        const curly = text.charCodeAt(i) === 0x201c;
        i++;
        let value = '';
        let closed = false;
        let chunk = i;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 92 /* \ */ && i + 1 < n) { value += text.slice(chunk, i) + text[i + 1]; i += 2; chunk = i; continue; }
          if (d === 34 || (curly && d === 0x201d)) { value += text.slice(chunk, i); i++; closed = true; break; }
          i++;
        }
        if (!closed) value += text.slice(chunk, i);
        this.strings[this.count] = value;
        this.closed[this.count] = closed;
        this.push(Tok.String, s, i);
      } else {
        let next = text.charCodeAt(i + 1);
        if (next >= 0x2000) next = asciiOf(next);
        const two = (c === 45 && next === 62) /* -> */ || (c === 126 && next === 62) /* ~> */ ||
          (c === 61 && next === 62) /* => */ || (c === 61 && next === 61) /* == */;
        i += two ? 2 : (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
        this.push(Tok.Punct, s, i);
      }
    }
    if (wide) this.code = asciiCode(text, this);
    if (this.codeEnd === n) {
      // trim trailing white space from the code part
      let e = n;
      while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
      this.codeEnd = e;
    }
  }
}

/** The ASCII form of full-width punctuation that Chinese input methods type (contract 1), else `c`. */
function asciiOf(c: number): number {
  switch (c) {
    case 0xff1a: return 58; // ：
    case 0xff0c: return 44; // ，
    case 0xff1d: return 61; // ＝
    case 0xff0b: return 43; // ＋
    case 0xff03: return 35; // ＃
    case 0xff1f: return 63; // ？ (an exercise blank)
    case 0x201c: return 34; // “ opens a string
    default: return c;
  }
}

/** The line with the full-width punctuation of its punctuation tokens in ASCII form; strings stay as written. */
function asciiCode(text: string, t: LineTokens): string {
  let out = '';
  let at = 0;
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== Tok.Punct) continue;
    for (let p = t.start[k]; p < t.end[k]; p++) {
      const c = text.charCodeAt(p);
      const a = c >= 0x2000 ? asciiOf(c) : c;
      if (a !== c) { out += text.slice(at, p) + String.fromCharCode(a); at = p + 1; }
    }
  }
  return out + text.slice(at);
}

function isSpace(c: number): boolean { return c === 32 || c === 9 || c === 0xfeff || c === 11 || c === 12 || c === 0x3000; }
function isWordStart(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; }
function isWordPart(c: number): boolean { return isWordStart(c) || (c >= 48 && c <= 57); }

/** Calls `each(lineText, lineIndex)` for every line; handles \n, \r\n and \r. Returns the line lengths. */
export function forEachLine(text: string, each: (lineText: string, line: number) => void): number[] {
  const lengths: number[] = [];
  let start = 0;
  let line = 0;
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // the common case: \n only, found with the engine's fast search
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      const lineText = text.slice(start, i);
      lengths.push(lineText.length);
      each(lineText, line++);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        const lineText = text.slice(start, i);
        lengths.push(lineText.length);
        each(lineText, line++);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  const last = text.slice(start);
  lengths.push(last.length);
  each(last, line);
  return lengths;
}

/** Number of octets of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
