// Escaping of text from the file for Mermaid: nothing the user writes can change the diagram's structure.
//
// Mermaid reads `#NNN;` as the character with that code (an "entity code") and only turns it into a
// character when the SVG is produced, after parsing. So every character that could mean something to
// Mermaid's lexer (`;` and newlines end a statement, `#` starts an entity, `%%` a comment, `:` splits a
// message, `<br>` breaks lines, `$$` starts math, backticks and quotes start markdown strings, `<`/`>`
// markup) is written as an entity code. Letters, digits and a few harmless marks stay as they are.

const SAFE_TEXT = /^[\p{L}\p{N}\p{M} .,+=()/_'?!\-[\]·…✖⚠ℹ→⇢]$/u;
/** Participant aliases are lexed differently (an alias ends at `-`, `<`, `>`, `,`): keep fewer marks. */
const SAFE_LABEL = /^[\p{L}\p{N}\p{M} ._()']$/u;

function escapeWith(text: string, safe: RegExp): string {
  let out = '';
  for (const ch of text) out += safe.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  // Leading and trailing spaces are trimmed by Mermaid: keep them visible only inside the text.
  return out.trim();
}

/** Text of a message, a note or the title. */
export function escapeText(text: string): string {
  return escapeWith(text, SAFE_TEXT);
}

/** A participant's label. */
export function escapeLabel(text: string): string {
  const escaped = escapeWith(text, SAFE_LABEL);
  return escaped || '#160;';
}

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
