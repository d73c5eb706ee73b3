// Full-width punctuation typed with a Chinese input method (contract v2 section 1): which ASCII character
// the checker reads a character as, for the hover that says so. Inside a quoted string or a comment the
// text is kept as written, so nothing is reported there (except the `“` that opens a string, the `”` that
// closes one, and the `＃` that starts a comment).
import type { MessageId } from '../i18n/catalogs.ts';

/** Full-width character -> its ASCII form, and the catalog id of its name. */
export const IME_PUNCTUATION: Readonly<Record<string, { ascii: string; name: MessageId }>> = {
  '：': { ascii: ':', name: 'extension.ime.colon' },
  '，': { ascii: ',', name: 'extension.ime.comma' },
  '＝': { ascii: '=', name: 'extension.ime.equals' },
  '＋': { ascii: '+', name: 'extension.ime.plus' },
  '＃': { ascii: '#', name: 'extension.ime.hash' },
  '？': { ascii: '?', name: 'extension.ime.question' },
  '“': { ascii: '"', name: 'extension.ime.quote' },
  '”': { ascii: '"', name: 'extension.ime.quote' },
};

export interface ImeChar {
  /** The character as typed (`：`). */
  char: string;
  /** How the checker reads it (`:`). */
  ascii: string;
  /** Catalog id of the character's name. */
  name: MessageId;
  /** Column of the character. */
  character: number;
}

/** The full-width punctuation at `character` of a line that the checker reads as ASCII, or undefined. */
export function imeCharAt(line: string, character: number): ImeChar | undefined {
  let closer: string | undefined; // inside a string: the characters that end it
  for (let i = 0; i < line.length && i <= character; i++) {
    const c = line[i]!;
    if (closer !== undefined) {
      if (c === '\\') { i++; continue; }
      if (closer.includes(c)) {
        closer = undefined;
        if (i === character && c === '”') return found(c, i);
      }
      continue;
    }
    if (c === '"' || c === '“') {
      closer = c === '“' ? '”"' : '"';
      if (i === character && c === '“') return found(c, i);
      continue;
    }
    if (c === '#' || c === '＃' || (c === '/' && line[i + 1] === '/')) {
      return i === character && c === '＃' ? found(c, i) : undefined; // a comment runs to the end of the line
    }
    if (i === character) return c in IME_PUNCTUATION && c !== '”' ? found(c, i) : undefined;
  }
  return undefined;
}

function found(char: string, character: number): ImeChar {
  return { char, character, ...IME_PUNCTUATION[char]! };
}
