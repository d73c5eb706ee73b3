// Exercises (contract 9): blanks, the key, grading, variants, Moodle export, the student's view.
export * from './types.ts';
export { analyzeExercise, isExercise, mayBeExercise, exerciseStatement, BAD_BLANK } from './analyzeExercise.ts';
export { FLAG_CHOICES } from './key.ts';
export { prepareExercise, gradeSubmission, type PreparedExercise } from './grade.ts';
export { normalizeLine } from './align.ts';
export { readExpr, readFlags, readNumber, judge } from './answers.ts';
export { makeVariant, type VariantOptions } from './vary.ts';
export { seededRandom, hashSeed } from './random.ts';
export { moodleQuiz, moodleQuestion, clozeOf, spellings, type MoodleSource } from './moodle.ts';
export { studentView, CHANGED_LINE, BLANK_RIGHT, BLANK_WRONG, type StudentView, type BlankMark } from './studentView.ts';
export { substitute, linesWithBreaks, questionMark } from './substitute.ts';
export { blankOut } from './create.ts';
export { keyText, gradeText, gradeCsv, gradeSummary, type GradedFile } from './report.ts';
