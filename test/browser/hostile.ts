// Hostile texts for labels, notes, titles and section names, shared by the unit and browser tests.
export const HOSTILE_TEXTS: string[] = [
  'a;b; c',
  'hash # sign and #35; entity #lt;',
  '%% a comment %%{init: {"theme": "forest"}}%%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'arrow -->> p1: injected',
  'client->>server: fake message',
  'colon: in text: twice',
  'end',
  'wrap: text',
  'rect rgb(255, 0, 0)',
  'note over p0: fake note',
  '`backticks` and "quotes" and \'single\'',
  '$$x^2$$ math',
  'ünïcödé 日本語 🎉 العربية',
  '<br/>line<br>break',
  'amp &amp; &lt;b&gt; entity',
  'style fill:#f00; classDef x fill:#f00;',
  'ﬂ°°60¶ß placeholder',
  'back\\slash {braces} [brackets] |pipe|',
  'participant evil as Evil',
];

/** A .tcpseq file that puts every hostile text in a note, plus hostile labels, title and sections. */
export function hostileFile(): string {
  // Only characters the language itself allows in each place: a title and a note run to the end of the
  // line, a comment starts at `#` or `//`, a label is a quoted string with `\"` and `\\`.
  const safeLine = (t: string): string => t.replace(/#|\/\//g, '');
  const quoted = (t: string): string => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [
    `title ${safeLine(HOSTILE_TEXTS[5]!)} ${safeLine(HOSTILE_TEXTS[3]!)}`,
    `endpoint client as "${quoted(HOSTILE_TEXTS[6]!)} ${quoted(HOSTILE_TEXTS[0]!)} ${quoted(HOSTILE_TEXTS[1]!)}"`,
    `endpoint server LISTEN as "${quoted(HOSTILE_TEXTS[8]!)}"`,
    `== ${safeLine(HOSTILE_TEXTS[2]!)} ==`,
    ...HOSTILE_TEXTS.map((t, i) => `note${i % 3 === 0 ? ' client' : i % 3 === 1 ? ' server' : ''}: ${safeLine(t)}`),
    'client -> server: SYN seq=x',
    'server -> client: SYN+ACK seq=y ack=x+1',
    `== ${safeLine(HOSTILE_TEXTS[9]!)} ==`,
    'client -> server: PSH+ACK seq=x+1 ack=y+1 data="<b>;%% end #35;</b>"',
    'server -> client: ACK seq=y+1 ack=x+20',
  ].join('\n') + '\n';
}
