// npm run bench (exercises): grading a class with the `tcpseq grade` command (whole process: start, read
// the files, key once, grade each, print) for 300 and 1,000 generated submissions of a 30-line exercise,
// a mix of right and wrong answers; and the time to compute the key of a 50-blank exercise.
// Prints numbers; asserts nothing. Run by scripts/bench.mjs, which bundles the CLI beside it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeExercise, gradeSubmission, prepareExercise, seededRandom } from '../src/core/exercise/index.ts';

/** An established connection: `pairs` data segments from A, each acknowledged by B, then a teardown. */
export function exerciseText(pairs: number): string {
  const lines = ['exercise practice "Bench"', 'endpoint A ESTABLISHED snd=1000 rcv=5000', 'endpoint B ESTABLISHED', ''];
  let a = 1000;
  for (let i = 0; i < pairs; i++) {
    const seq = i % 3 === 1 ? '?' : String(a);
    lines.push(`A -> B: ACK seq=${seq} ack=5000 len=100${i % 4 === 2 ? '   => B ?' : ''}`);
    a += 100;
    lines.push(`B -> A: ${i % 5 === 3 ? '?' : 'ACK'} seq=5000 ack=${i % 2 === 0 ? '?' : String(a)}`);
  }
  lines.push(`A -> B: FIN+ACK seq=${a} ack=5000 => A ?, B ?`, `B -> A: ACK seq=5000 ack=?`, `B -> A: ? seq=5000 ack=${a + 1}`, `A -> B: ACK seq=? ack=5001 => B ?`);
  return lines.join('\n') + '\n';
}

/** Submissions: each blank right with probability 0.7, else a plausible wrong answer; spacing varies. */
function submissions(text: string, count: number): string[] {
  const key = analyzeExercise(text).exercise.key;
  const random = seededRandom('bench');
  const wrong = (answer: string) => (/^\d+$/.test(answer) ? String(Number(answer) + 1) : answer === 'ACK' ? 'FIN+ACK' : 'CLOSED');
  return Array.from({ length: count }, (_, s) => {
    let i = 0;
    const body = text.replace(/\?/g, () => {
      const e = key[i++]!;
      return random() < 0.7 ? e.answer : wrong(e.answer);
    });
    return s % 10 === 0 ? body.replace(/ => /g, '  =>  ').replace(/\n/g, '  # checked\n') : body;
  });
}

function median(xs: number[]): number { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }

const cli = process.argv[2] ?? 'out/bench/cli.js';
const dir = mkdtempSync(join(tmpdir(), 'tcpseq-bench-grade-'));
try {
  const text = exerciseText(13);
  const exercise = join(dir, 'exercise.tcpseq');
  writeFileSync(exercise, text);
  const blanks = analyzeExercise(text).exercise.key.length;
  console.log(`tcpseq grade benchmark (node ${process.version}): a ${text.trimEnd().split('\n').length}-line exercise with ${blanks} blanks`);
  console.log(['submissions', 'whole command ms', 'per submission ms', 'in-process ms', 'mean score'].map((h) => h.padStart(20)).join(''));
  for (const count of [300, 1000]) {
    const folder = join(dir, `class-${count}`);
    mkdirSync(folder);
    submissions(text, count).forEach((s, i) => writeFileSync(join(folder, `student-${String(i).padStart(4, '0')}.tcpseq`), s));
    const times: number[] = [];
    let summary = '';
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'grade', exercise, folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
      times.push(performance.now() - t0);
      summary = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    }
    const ms = median(times);
    // The same work without starting a process or reading files: the key once, then every submission.
    const texts = submissions(text, count);
    const inProcess = median(Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      const prepared = prepareExercise(text);
      for (const s of texts) gradeSubmission(prepared, s);
      return performance.now() - t0;
    }));
    console.log([String(count), ms.toFixed(0), (ms / count).toFixed(2), inProcess.toFixed(0), /mean score ([\d.]+ of \d+)/.exec(summary)?.[1] ?? '?'].map((c) => c.padStart(20)).join(''));
  }
  const big = exerciseText(34);
  const bigBlanks = analyzeExercise(big).exercise.key.length;
  for (let i = 0; i < 3; i++) analyzeExercise(big);
  const keyTimes = Array.from({ length: 9 }, () => { const t0 = performance.now(); analyzeExercise(big); return performance.now() - t0; });
  console.log(`key of a ${big.trimEnd().split('\n').length}-line exercise with ${bigBlanks} blanks: ${median(keyTimes).toFixed(0)} ms (median of 9)`);
  console.log('target: grading 1,000 submissions of a 30-line exercise < 2 s, whole command');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
