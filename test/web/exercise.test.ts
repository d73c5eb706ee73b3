// Exercises in the browser: the blanks of an exercise are counted, the answer key is shown, and a folder of
// submissions in the workspace (not on file:) is read through vscode.workspace.fs and graded.
import * as vscode from 'vscode';
import { closeAll, open, waitFor, workspaceRoot } from '../exthost/helpers.ts';
import * as assert from './assert.ts';

interface ExerciseState { progress?: string; mode: string; filled: number; total: number }
const exercises = () => vscode.Uri.joinPath(workspaceRoot(), 'exercises');

suite('exercises in the browser', () => {
  suiteTeardown(closeAll);

  test('an exercise counts its blanks and shows its answer key', async () => {
    const { document } = await open(vscode.Uri.joinPath(exercises(), 'handshake.tcpseq'));
    const state = await waitFor('the exercise state', async () => {
      const s = await vscode.commands.executeCommand<ExerciseState | undefined>('tcpseq.exercise.state', document.uri);
      return s?.progress ? s : undefined;
    });
    assert.deepEqual([state.mode, state.filled, state.total], ['practice', 0, 10]);
    const key = await vscode.commands.executeCommand<vscode.TextDocument>('tcpseq.exercise.showKey');
    assert.match(key.getText(), /^handshake\.tcpseq: 10 blank\(s\)/);
    assert.match(key.getText(), /ack \(server\): x\+1/);
  });

  test('Grade Submissions in Folder reads the workspace folder through workspace.fs', async () => {
    await open(vscode.Uri.joinPath(exercises(), 'handshake.tcpseq'));
    const folder = vscode.Uri.joinPath(exercises(), 'handshake-submissions');
    assert.ok(folder.scheme !== 'file', `submissions on ${folder.scheme}:`);
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('tcpseq.exercise.gradeFolder', folder);
    assert.match(report.getText(), /^alice\.tcpseq: 10\/10$/m);
    assert.match(report.getText(), /3 submission\(s\)/);
  });
});
