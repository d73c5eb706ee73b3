// Moodle XML (issue 10): one Cloze ("embedded answers") question per exercise. The exchange is a
// monospace table; each blank becomes a sub-question: NUMERICAL for numbers, SHORTANSWER for symbolic
// answers (spacing variants of `x+1` accepted), MULTICHOICE for states and flags.
import { formatText } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import { STATES } from '../states.ts';
import { commentStart } from '../editor/positions.ts';
import { FLAG_CHOICES } from './key.ts';
import { analyzeExercise } from './analyzeExercise.ts';
import { linesWithBreaks, questionMark } from './substitute.ts';
import type { KeyEntry } from './types.ts';

/** Characters that end or split a Cloze answer, escaped with a backslash (Moodle's rule). */
const clozeEscape = (s: string) => s.replace(/[\\}{#~/"]/g, (c) => `\\${c}`);
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** HTML text; braces as character references, so that text such as `{1:NUMERICAL:=1}` is no sub-question. */
const escapeHtml = (s: string) => xmlEscape(s).replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);
/** Feedback inside a sub-question: named entities only (a `#` there would start the feedback). */
const escapeFeedback = xmlEscape;
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** `x+1` as students type it: `x + 1`, `1+x`, `1 + x`, … */
export function spellings(answer: string): string[] {
  const terms = answer.split('+');
  if (terms.length !== 2) return [answer];
  const [a, b] = terms as [string, string];
  const out = new Set<string>();
  for (const [p, q] of [[a, b], [b, a]]) for (const sep of ['+', ' + ', ' +', '+ ']) out.add(`${p}${sep}${q}`);
  return [...out];
}

/** The Cloze sub-question of one blank. */
export function clozeOf(e: KeyEntry, lang: Lang): string {
  const fb = `#${clozeEscape(escapeFeedback(formatText(lang, e.reason)))}`;
  if (e.kind === 'state') {
    return `{1:MULTICHOICE:${STATES.map((s) => `${s === e.answer ? '=' : ''}${s}${s === e.answer ? fb : ''}`).join('~')}}`;
  }
  if (e.kind === 'flags') {
    const right = new Set(e.alternatives ?? [e.answer]);
    return `{1:MULTICHOICE:${FLAG_CHOICES.map((f) => (right.has(f) ? `%100%${f}${fb}` : f)).join('~')}}`;
  }
  if (e.any) return `{1:SHORTANSWER:=*${fb}}`;
  if (e.number !== undefined) {
    if (e.atLeast) {
      const max = 0xffff_ffff;
      return `{1:NUMERICAL:=${(e.number + max) / 2}:${(max - e.number) / 2}${fb}}`;
    }
    return `{1:NUMERICAL:=${e.number}:0${fb}}`;
  }
  return `{1:SHORTANSWER:${spellings(e.answer).map((s) => `=${clozeEscape(s)}${fb}`).join('~')}}`;
}

/** The question text: the exchange as a table, blanks as sub-questions. */
function questionHtml(text: string, key: readonly KeyEntry[], lang: Lang): string {
  const rows: string[] = [];
  linesWithBreaks(text).forEach(({ body }, line) => {
    const code = body.slice(0, commentStart(body)).trimEnd();
    if (!code.trim() || /^\s*(exercise|title)\b/i.test(code)) return;
    const here = key.filter((e) => e.line === line && !e.bad).map((e) => ({ e, ...questionMark(body, e.range) })).sort((a, b) => a.start - b.start);
    let html = '';
    let pos = 0;
    for (const b of here) {
      if (b.start < pos || b.start >= code.length) continue;
      html += escapeHtml(code.slice(pos, b.start)) + clozeOf(b.e, lang);
      pos = b.end;
    }
    html += escapeHtml(code.slice(pos));
    rows.push(`<tr><td style="color:#888;padding:1px 8px;text-align:right">${line + 1}</td><td style="white-space:pre;padding:1px 8px">${html}</td></tr>`);
  });
  return `<table style="font-family:monospace;border-collapse:collapse">\n${rows.join('\n')}\n</table>`;
}

export interface MoodleSource { name: string; text: string }

export function moodleQuestion(source: MoodleSource, lang: Lang = 'en'): string {
  const analysis = analyzeExercise(source.text);
  const { key, title } = analysis.exercise;
  const name = title ?? analysis.title ?? source.name;
  const intro = analysis.title && analysis.title !== name ? `<p>${escapeHtml(analysis.title)}</p>\n` : '';
  const feedback = `<ul>\n${key.filter((e) => !e.bad).map((e) => `<li>${e.line + 1}: ${escapeHtml(formatText(lang, e.reason))}</li>`).join('\n')}\n</ul>`;
  return `  <question type="cloze">
    <name><text>${xmlEscape(name)}</text></name>
    <questiontext format="html"><text>${cdata(intro + questionHtml(source.text, key, lang))}</text></questiontext>
    <generalfeedback format="html"><text>${cdata(feedback)}</text></generalfeedback>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>${xmlEscape(source.name)}</idnumber>
  </question>`;
}

export function moodleQuiz(sources: readonly MoodleSource[], lang: Lang = 'en'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${sources.map((s) => moodleQuestion(s, lang)).join('\n')}\n</quiz>\n`;
}
