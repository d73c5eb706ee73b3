// Exercises in the editor (issue 10): a student opening an exercise is handed no answer by completion,
// hover, state hints or the preview; practice mode marks a right and a wrong answer as they are typed;
// the progress item counts the blanks; the teacher's commands show the answers, grade a folder and make
// an exercise from a solved file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsWhere, hoverText, label, listing, open, waitFor, workspaceRoot } from './helpers.ts';

const ROOT = workspaceRoot().fsPath;
const HANDSHAKE = vscode.Uri.file(join(ROOT, 'exercises', 'handshake.tcpseq'));
/** Every answer of the handshake exercise that is not written elsewhere in the file. */
const ANSWERS = /x\+1|x\+101|SYN\+ACK|SYN_SENT|SYN_RECEIVED|ESTABLISHED/;

interface ExerciseState { progress?: string; mode: string; filled: number; total: number; answersShown: boolean; marks: { line: number; start: number; end: number; filled: boolean }[] }
const exerciseState = (uri: vscode.Uri) => vscode.commands.executeCommand<ExerciseState | undefined>('tcpseq.exercise.state', uri);

function lineOf(document: vscode.TextDocument, prefix: string): number {
  const i = document.getText().split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `a line starting ${prefix}`);
  return i;
}

suite('exercise', () => {
  const out = mkdtempSync(join(tmpdir(), 'tcpseq-exercise-'));
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('tcpseq').update('exercise.showAnswers', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
    rmSync(out, { recursive: true, force: true });
  });

  test('an exercise opened in the editor shows no answer in completion, hover, inlay hints or the preview', async () => {
    await closeAll();
    const { document } = await open(HANDSHAKE);
    const state = await waitFor('the exercise state', async () => (await exerciseState(document.uri))?.progress ? exerciseState(document.uri) : undefined);
    assert.equal(state!.progress, '0 of 10 blanks filled');
    assert.equal(state!.mode, 'practice');
    assert.equal(state!.marks.filter((m) => !m.filled).length, 10, 'every blank is highlighted');

    const synAck = lineOf(document, 'server -> client: ?');
    const ackBlank = document.lineAt(synAck).text.indexOf('ack=?') + 4;
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(synAck, ackBlank));
    // VS Code's own word suggestions (kind Text: words of every open file) are not the extension's.
    const ours = completion.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    assert.ok(!ours.some((i) => ANSWERS.test(label(i))), `completion offers: ${ours.map(label).slice(0, 20).join(', ')}`);
    const flagsCompletion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(synAck, 18));
    assert.ok(!flagsCompletion.items.slice(0, 1).some((i) => /SYN\+ACK/.test(label(i)) && i.preselect), 'the answer is not the preselected flag');

    for (const [line, needle] of [[synAck, 'ack=?'], [synAck, '? seq'], [lineOf(document, 'client -> server: ACK seq=?'), 'seq=?'], [lineOf(document, 'client -> server: SYN'), 'client ?']] as const) {
      const character = document.lineAt(line).text.indexOf(needle) + needle.indexOf('?');
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character)));
      assert.doesNotMatch(hover, ANSWERS, `hover at ${line + 1}:${character + 1}: ${hover}`);
    }
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    assert.ok(!hints.some((h) => ANSWERS.test(label(h))), `hints: ${hints.map(label).join(' | ')}`);

    await vscode.commands.executeCommand('tcpseq.showPreviewToSide');
    await vscode.window.showTextDocument(document);
    const mmd = join(out, 'exercise.mmd');
    await vscode.commands.executeCommand('tcpseq.exportMermaid', { uri: vscode.Uri.file(mmd), overwrite: true });
    const mermaid = readFileSync(mmd, 'utf8');
    assert.match(mermaid, /sequenceDiagram/);
    assert.doesNotMatch(mermaid, ANSWERS, mermaid);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map(codeOf), [], 'a good exercise has no finding');
  });

  test('practice mode: a right answer is marked right, a wrong one wrong, each with the reason, as they are typed', async () => {
    const { document, editor } = await open(HANDSHAKE);
    const synAck = lineOf(document, 'server -> client: ?');
    const ack = lineOf(document, 'client -> server: ACK seq=?');
    const text = (line: number) => document.lineAt(line).text;
    assert.ok(await editor.edit((b) => {
      b.replace(new vscode.Range(synAck, text(synAck).indexOf('ack=?') + 4, synAck, text(synAck).indexOf('ack=?') + 5), 'x+1');
      b.replace(new vscode.Range(ack, text(ack).indexOf('seq=?') + 4, ack, text(ack).indexOf('seq=?') + 5), 'x');
    }));
    const list = await diagnosticsWhere(document.uri, 'one right and one wrong answer', (d) => d.length === 2);
    const byCode = Object.fromEntries(list.map((d) => [codeOf(d), d]));
    assert.ok(byCode['blank-right'] && byCode['blank-wrong'], listing(list));
    assert.equal(byCode['blank-right']!.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(byCode['blank-right']!.range.start.line, synAck);
    assert.match(byCode['blank-right']!.message, /^right: ack should be x\+1: the SYN occupies one sequence number/);
    assert.equal(byCode['blank-wrong']!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(byCode['blank-wrong']!.range), 'x');
    assert.match(byCode['blank-wrong']!.message, /^not right: seq should be x\+1/);
    const state = await waitFor('the progress after typing', async () => {
      const s = await exerciseState(document.uri);
      return s?.filled === 2 ? s : undefined;
    });
    assert.equal(state.progress, '2 of 10 blanks filled');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('exam mode: a filled blank gets no feedback, right or wrong; a syntax slip does', async () => {
    const { document, editor } = await open(vscode.Uri.file(join(ROOT, 'exercises', 'teardown.tcpseq')));
    await waitFor('the exam state', async () => ((await exerciseState(document.uri))?.mode === 'exam' ? true : undefined));
    const ack = lineOf(document, 'server -> client: ACK seq=?');
    const text = document.lineAt(ack).text;
    assert.ok(await editor.edit((b) => {
      b.replace(new vscode.Range(ack, text.indexOf('seq=?') + 4, ack, text.indexOf('seq=?') + 5), 'u');
      b.replace(new vscode.Range(ack, text.indexOf('ack=?') + 4, ack, text.indexOf('ack=?') + 5), 'u+1');
    }));
    await waitFor('the progress after typing', async () => ((await exerciseState(document.uri))?.filled === 2 ? true : undefined));
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map(codeOf), [], 'no feedback in an exam');
    const last = lineOf(document, 'client wait 2MSL');
    const end = document.lineAt(last).text.length;
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(last, end - 1, last, end), 'CLOSD')));
    const list = await diagnosticsWhere(document.uri, 'the unknown state', (d) => d.length > 0);
    assert.deepEqual(list.map(codeOf), ['unknown-state']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a ? typed by mistake in a plain file and removed again leaves a plain file, fully checked', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'tcpseq', content: 'endpoint c\nendpoint s LISTEN\nc -> s: SYN seq=x\ns -> c: SYN+ACK seq=y ack=?\n' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor('an exercise', async () => ((await exerciseState(document.uri))?.total === 1 ? true : undefined));
    const line = document.lineAt(3);
    assert.ok(await editor.edit((b) => b.replace(line.range, 's -> c: SYN+ACK seq=y ack=x\nc -> s: ACK seq=x+1 ack=y+1')));
    const list = await diagnosticsWhere(document.uri, 'the wrong ack found again', (d) => d.some((x) => codeOf(x) === 'wrong-ack'));
    assert.ok(!list.some((d) => /^blank-|changed-line/.test(codeOf(d))), listing(list));
    assert.equal(await exerciseState(document.uri), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Answers (for the teacher) shows each answer as an inlay hint; Show Answer Key lists them', async () => {
    const { document } = await open(HANDSHAKE);
    await vscode.commands.executeCommand('tcpseq.exercise.toggleAnswers');
    const hints = await waitFor('the answers as hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
      return h.some((x) => label(x) === '= x+1') ? h : undefined;
    });
    assert.ok(hints.some((h) => label(h) === '= SYN+ACK'));
    await vscode.commands.executeCommand('tcpseq.exercise.toggleAnswers');
    await waitFor('the answers hidden again', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
      return h.some((x) => label(x).startsWith('= ')) ? undefined : true;
    });
    await vscode.window.showTextDocument(document);
    const key = await vscode.commands.executeCommand<vscode.TextDocument>('tcpseq.exercise.showKey');
    assert.match(key.getText(), /^handshake\.tcpseq: 10 blank\(s\), practice mode\n/);
    assert.match(key.getText(), /8:31 ack \(server\): x\+1 — ack should be x\+1/);
  });

  test('Grade Submissions in Folder grades every .tcpseq of the folder against the exercise in the editor', async () => {
    await open(HANDSHAKE);
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('tcpseq.exercise.gradeFolder', vscode.Uri.file(join(ROOT, 'exercises', 'handshake-submissions')));
    const text = report.getText();
    assert.match(text, /^alice\.tcpseq: 10\/10$/m);
    assert.match(text, /^bob\.tcpseq: 7\/10$/m);
    assert.match(text, /3 submission\(s\), mean score 7\.67 of 10; most often wrong: line 11 ack \(2 of 3\)/);
  });

  test('Create Exercise from This File turns the selected values and states into blanks, in a new file', async () => {
    const { document, editor } = await open(vscode.Uri.file(join(ROOT, '01-handshake-teardown-textbook.tcpseq')));
    const synAck = lineOf(document, 'server -> client: SYN+ACK');
    editor.selection = new vscode.Selection(synAck, 0, synAck, document.lineAt(synAck).text.length);
    const created = await vscode.commands.executeCommand<vscode.TextDocument>('tcpseq.exercise.create');
    assert.equal(created.languageId, 'tcpseq');
    const line = created.getText().split('\n').find((l) => l.startsWith('server -> client: '))!;
    assert.match(line, /^server -> client: \? +seq=\? +ack=\? +=> client \?, server \?/);
    assert.match(created.getText(), /^exercise practice\n/);
    assert.ok(!document.isDirty, 'the solved file is unchanged');
  });
});
