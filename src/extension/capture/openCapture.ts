// "TCP Sequence: Open Capture…": pick a pcap / pcapng / tcpdump text file, pick a connection when there
// are several, and open it as an untitled tcpseq document with the preview beside it. The file is read with
// vscode.workspace.fs (so this also works in VS Code for the Web) and handed to the core reader in 1 MiB
// pieces, with a pause between pieces so the extension host stays responsive on large captures.
import * as vscode from 'vscode';
import {
  addressLabel, describeConnection, describeProblem, importCapture, listConnections, type ConnectionSummary,
} from '../../core/capture/index.ts';
import { currentLocalizer } from '../language/settings.ts';

/** The largest file opened in the editor (the whole file is read by workspace.fs); bigger: `tcpseq import`. */
export const MAX_EDITOR_CAPTURE_BYTES = 256 * 1024 * 1024;

export interface OpenCaptureOptions {
  /** Which connection (1-based) without asking (tests, other extensions). */
  connection?: number;
  /** Open the preview beside the document (default true). */
  preview?: boolean;
}

/** What the command did, for tests: the untitled document and the connections it chose from. */
export interface OpenCaptureResult { uri: string; connection: number; connections: number; text: string }

async function* pieces(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, Math.min(bytes.length, i + size));
    await new Promise<void>((resolve) => setTimeout(resolve, 0)); // let the host handle other work
  }
}

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.toString();

export async function openCapture(arg?: unknown, options: OpenCaptureOptions = {}): Promise<OpenCaptureResult | undefined> {
  const l = currentLocalizer();
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false, openLabel: l.t('capture.ext.openLabel'),
      filters: { [l.t('capture.ext.filter')]: ['pcap', 'pcapng', 'cap', 'txt'] },
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  const name = fileName(uri);
  const fail = (problem: string) => { void vscode.window.showErrorMessage(l.t('capture.ext.failed', { file: name, problem })); return undefined; };

  let bytes: Uint8Array;
  try {
    const size = (await vscode.workspace.fs.stat(uri)).size;
    if (size > MAX_EDITOR_CAPTURE_BYTES) return fail(l.t('capture.ext.tooBig', { file: name, size: Math.round(size / 1e6) }));
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }

  const listed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l.t('capture.ext.reading', { file: name }) },
    () => listConnections(pieces(bytes)),
  );
  if (listed.connections.length === 0) {
    return fail(listed.error ? describeProblem(listed.error, listed.stats.format, l.lang) : l.t('capture.ext.noConnections', { file: name }));
  }
  const index = options.connection ?? (listed.connections.length === 1 ? 1 : await pickConnection(listed.connections, name));
  if (index === undefined) return undefined;

  const r = await importCapture(pieces(bytes), index, { lang: l.lang, source: name });
  if (!r.converted) return fail(l.t('capture.cli.noConnection', { index, file: name, total: r.total }));
  if (r.error) void vscode.window.showWarningMessage(l.t('capture.ext.partial', { file: name, problem: describeProblem(r.error, r.stats.format, l.lang) }));

  const doc = await vscode.workspace.openTextDocument({ language: 'tcpseq', content: r.converted.text });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (options.preview !== false) await vscode.commands.executeCommand('tcpseq.showPreviewToSide', doc.uri);
  return { uri: doc.uri.toString(), connection: index, connections: listed.connections.length, text: r.converted.text };
}

async function pickConnection(connections: ConnectionSummary[], file: string): Promise<number | undefined> {
  const l = currentLocalizer();
  const items = connections.map((c) => ({
    label: `${c.index}. ${addressLabel(c.client)} → ${addressLabel(c.server)}`,
    detail: describeConnection(c, l.lang).replace(/^\d+\.\s+\S+ → \S+\s+/, ''),
    index: c.index,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: l.t('capture.ext.pickPlaceholder', { count: connections.length, file }), matchOnDetail: true,
  });
  return picked?.index;
}
