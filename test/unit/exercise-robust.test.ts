// Bad input gets an answer, never a crash: every example and mistake file with random fields, flags and
// states blanked out and stray `?` inserted goes through the key, grading, the student view, a variant
// and the Moodle export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeExercise, blankOut, gradeSubmission, makeVariant, moodleQuiz, prepareExercise, seededRandom, studentView } from '../../src/core/exercise/index.ts';

const ROOT = resolve(import.meta.dirname, '../../examples');
const files = ['', 'mistakes', 'exercises'].flatMap((d) => readdirSync(resolve(ROOT, d)).filter((f) => f.endsWith('.tcpseq')).map((f) => resolve(ROOT, d, f)));

test('random exercises made from every example: no exception anywhere', () => {
  const random = seededRandom('robust');
  let checked = 0;
  for (let round = 0; round < 2; round++) {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n');
      const selections = Array.from({ length: 4 }, () => {
        const line = Math.floor(random() * lines.length);
        const character = Math.floor(random() * (lines[line]!.length + 1));
        return { start: { line, character }, end: { line, character: character + Math.floor(random() * 20) } };
      });
      let exercise = blankOut(text, selections).text;
      if (round === 1) { const i = Math.floor(random() * exercise.length); exercise = exercise.slice(0, i) + '?' + exercise.slice(i); }
      const analysis = analyzeExercise(exercise);
      for (const e of analysis.exercise.key) assert.ok(e.bad || e.answer.length > 0, `${f}: ${e.kind} on line ${e.line + 1} has an answer or is bad`);
      const prepared = prepareExercise(exercise, analysis);
      let k = 0;
      const submission = exercise.replace(/\?/g, () => (k++ % 2 ? 'x+1' : 'ACK'));
      const graded = gradeSubmission(prepared, submission, { columns: true });
      assert.ok(graded.score <= graded.max);
      studentView(prepared, submission);
      makeVariant(exercise, { random, wrap: round === 0 });
      moodleQuiz([{ name: 'f', text: exercise }]);
      checked++;
    }
  }
  assert.ok(checked >= 2 * 40, `${checked} files`);
});
