// Commands for the teacher: the answer key, grading a folder of submissions, turning a solved file into
// an exercise; and the state the tests read. Files are read through vscode.workspace.fs only (the
// extension also runs in a browser).
import * as vscode from 'vscode';
import { analyzeExercise, blankOut, gradeSubmission, gradeSummary, gradeText, keyText, prepareExercise, type GradedFile } from '../../core/exercise/index.ts';
import { currentLocalizer } from '../language/settings.ts';
import { answersShown } from './view.ts';
import { progressText } from './progress.ts';
import { studentViewOf } from './view.ts';
import { toggleAnswers } from './answers.ts';

function activeTcpseq(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'tcpseq' ? editor : undefined;
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function showText(content: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  return document;
}

/** "Show Answer Key": the key in a new editor beside the exercise. */
async function showKey(): Promise<vscode.TextDocument | undefined> {
  const editor = activeTcpseq();
  if (!editor) return undefined;
  const l = currentLocalizer(editor.document.uri);
  const { exercise } = analyzeExercise(editor.document.getText());
  if (exercise.key.length === 0) { void vscode.window.showInformationMessage(l.t('exercise.ext.noExercise')); return undefined; }
  return showText(keyText(baseName(editor.document.uri), exercise.key, exercise.mode, l));
}

/** "Grade Submissions in Folder…": every .tcpseq in a folder against the exercise in the editor. */
async function gradeFolder(folder?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const editor = activeTcpseq();
  if (!editor) return undefined;
  const l = currentLocalizer(editor.document.uri);
  const exercise = prepareExercise(editor.document.getText());
  const key = exercise.analysis.exercise.key;
  if (key.length === 0) { void vscode.window.showInformationMessage(l.t('exercise.ext.noExercise')); return undefined; }
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: l.t('exercise.ext.pickFolder'),
      defaultUri: vscode.Uri.joinPath(editor.document.uri, '..'),
    });
    folder = picked?.[0];
    if (!folder) return undefined;
  }
  const entries = (await vscode.workspace.fs.readDirectory(folder))
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.tcpseq'))
    .map(([name]) => vscode.Uri.joinPath(folder!, name))
    .filter((uri) => uri.toString() !== editor.document.uri.toString())
    .sort((a, b) => a.path.localeCompare(b.path));
  if (entries.length === 0) { void vscode.window.showInformationMessage(l.t('exercise.ext.noSubmissions', { folder: baseName(folder) })); return undefined; }
  const decoder = new TextDecoder();
  const graded: GradedFile[] = [];
  for (const uri of entries) {
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    graded.push({ file: baseName(uri), result: gradeSubmission(exercise, text) });
  }
  const report = graded.map((g) => gradeText(g, l)).join('') + gradeSummary(key, graded, l) + '\n';
  const mean = (graded.reduce((s, g) => s + g.result.score, 0) / graded.length).toFixed(2);
  void vscode.window.showInformationMessage(l.t('exercise.ext.graded', { count: graded.length, mean, max: graded[0]!.result.max }));
  return showText(report);
}

/** "Create Exercise from This File…": the selected values, flags and states become blanks, in a new file. */
async function createExercise(): Promise<vscode.TextDocument | undefined> {
  const editor = activeTcpseq();
  if (!editor) return undefined;
  const l = currentLocalizer(editor.document.uri);
  const ranges = editor.selections.map((s) => ({ start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } }));
  const { text, count } = blankOut(editor.document.getText(), ranges);
  if (count === 0) { void vscode.window.showInformationMessage(l.t('exercise.ext.nothingSelected')); return undefined; }
  const document = await showText(text, 'tcpseq');
  void vscode.window.showInformationMessage(l.t('exercise.ext.created', { count }));
  return document;
}

/** What the exercise features show for a document (for the extension-host tests). */
function exerciseState(uri?: vscode.Uri) {
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : activeTcpseq()?.document;
  if (!document) return undefined;
  const view = studentViewOf(document);
  return view && {
    progress: progressText(document), mode: view.mode, filled: view.filled, total: view.total, answersShown: answersShown(document),
    marks: view.marks.map((m) => ({ line: m.range.start.line, start: m.range.start.character, end: m.range.end.character, filled: m.filled })),
  };
}

export function registerExerciseCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tcpseq.exercise.toggleAnswers', toggleAnswers),
    vscode.commands.registerCommand('tcpseq.exercise.showKey', showKey),
    vscode.commands.registerCommand('tcpseq.exercise.gradeFolder', (folder?: vscode.Uri) => gradeFolder(folder instanceof vscode.Uri ? folder : undefined)),
    vscode.commands.registerCommand('tcpseq.exercise.create', createExercise),
    vscode.commands.registerCommand('tcpseq.exercise.state', exerciseState),
  );
}
