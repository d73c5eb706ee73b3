// Hostile labels: nothing from the file can change the Mermaid diagram's structure or inject markup.
// (test/browser/render-examples.mjs renders the same texts with the real Mermaid and reads them back.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { diagramOf, escapeLabel, escapeText } from '../../src/core/diagram/index.ts';
import { HOSTILE_TEXTS, hostileFile } from '../browser/hostile.ts';

/** Every line Mermaid will read must be one of the statement shapes the renderer writes. */
const LINE_SHAPES = [
  /^sequenceDiagram$/,
  /^ {2}title [^\n;#%:<>`"$]*$/,
  /^ {2}participant p[01] as [^\n;#%:<>`"$,-]*$/,
  /^ *note (left of p[01]|right of p[01]|over p[01](,p[01])?): [^\n;#%:<>`"$]*(<br\/>[^\n;#%:<>`"$]*)*$/,
  /^ *p[01](->>|-x|-\)|--\))p[01]: [^\n;#%:<>`"$]*$/,
  /^ *rect rgba\(\d+, \d+, \d+, [\d.]+\)$/,
  /^ *end$/,
];

/** The same check, once entity codes are allowed back in: `#NNN;` is the only `#`/`;` left. */
function shapeOf(line: string): RegExp | undefined {
  const plain = line.replace(/#\d+;/g, 'E');
  return LINE_SHAPES.find((r) => r.test(plain));
}

test('escaped text keeps only letters, digits, safe marks and entity codes', () => {
  for (const t of HOSTILE_TEXTS) {
    for (const e of [escapeText(t), escapeLabel(t)]) {
      assert.doesNotMatch(e.replace(/#\d+;/g, ''), /[\n\r;#%:<>`"$&\\{}]/u, `${JSON.stringify(t)} -> ${e}`);
    }
  }
  assert.equal(escapeText('a;b'), 'a#59;b');
  assert.equal(escapeText('%%{init}%%'), '#37;#37;#123;init#125;#37;#37;');
  assert.equal(escapeText('line\nbreak'), 'line#10;break');
  assert.equal(escapeText('<script>'), '#60;script#62;');
  assert.equal(escapeText('🎉 ü 日本'), '#127881; ü 日本');
  assert.equal(escapeLabel('-->> x'), '#45;#45;#62;#62; x');
  assert.equal(escapeLabel(''), '#160;');
});

test('escaping is lossless: decoding the entity codes gives the text back', () => {
  const decode = (s: string) => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
  for (const t of HOSTILE_TEXTS) {
    assert.equal(decode(escapeText(t)), t.trim());
    assert.equal(decode(escapeLabel(t)), t.trim() || '\u00a0');
  }
});

test('a file full of hostile labels renders to Mermaid text of known shapes only', () => {
  const text = hostileFile();
  const analysis = analyze(text);
  const { mermaid, model } = diagramOf(analysis, text);
  for (const line of mermaid.trimEnd().split('\n')) assert.ok(shapeOf(line), `unexpected Mermaid line: ${line}`);
  // Every hostile note became exactly one note, every segment one arrow.
  assert.equal(model.notes.filter((n) => n.kind === 'note').length, HOSTILE_TEXTS.length);
  assert.equal((mermaid.match(/^ *p[01](->>|-x|-\)|--\))p[01]: /gm) ?? []).length, model.messages.length);
  assert.equal((mermaid.match(/^ *note /gm) ?? []).length, model.notes.length);
  assert.equal((mermaid.match(/^ *rect /gm) ?? []).length, (mermaid.match(/^ *end$/gm) ?? []).length);
});

test('hostile text straight into the model (past the parser) is still escaped', () => {
  const analysis = analyze('endpoint a\nendpoint b LISTEN\na -> b: SYN seq=x\n');
  for (const t of HOSTILE_TEXTS) {
    analysis.title = t;
    analysis.endpoints[0]!.label = t;
    const { mermaid } = diagramOf(analysis);
    for (const line of mermaid.trimEnd().split('\n')) assert.ok(shapeOf(line), `${JSON.stringify(t)} gave: ${line}`);
  }
});
