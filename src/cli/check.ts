// `tcpseq check [--json] FILE...` (contract section 6).
import { readFile } from 'node:fs/promises';
import { analyze, type Analysis } from '../core/index.ts';
import type { CliIO } from './io.ts';

export interface CheckedFile {
  file: string;
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  steps: { line: number; states: Record<string, string> }[];
  final: Record<string, string>;
}

/** The contract's JSON shape for one file. */
export function toJson(file: string, a: Analysis): CheckedFile {
  const names = a.endpoints.map((e) => e.name);
  const byName = (states: readonly string[]) => {
    const o: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) o[names[i]] = states[i];
    return o;
  };
  return {
    file,
    diagnostics: a.diagnostics.map((d) => ({
      line: d.range.start.line + 1, column: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      severity: d.severity, code: d.code, message: d.message,
    })),
    steps: a.steps.map((s) => ({ line: s.line + 1, states: byName(s.states) })),
    final: byName(a.final),
  };
}

export function toText(file: string, a: Analysis): string {
  let out = '';
  for (const d of a.diagnostics) {
    out += `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`;
  }
  return out;
}

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  let json = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
    if (!onlyFiles && arg === '--') { onlyFiles = true; continue; }
    if (!onlyFiles && arg === '--json') { json = true; continue; }
    if (!onlyFiles && arg.startsWith('-') && arg !== '-') { io.error(`tcpseq check: unknown option ${arg} (usage: tcpseq check [--json] FILE...)`); return 2; }
    files.push(arg);
  }
  if (files.length === 0) { io.error('tcpseq check: no file given (usage: tcpseq check [--json] FILE...)'); return 2; }
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  const results: CheckedFile[] = [];
  let text = '';
  for (const file of files) {
    let source: string;
    try {
      source = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
    } catch (e) {
      io.error(`tcpseq check: cannot read ${file}: ${reason(e)}`);
      unreadable = true;
      continue;
    }
    const a = analyze(source);
    for (const d of a.diagnostics) { if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; }
    if (json) results.push(toJson(file, a));
    else text += toText(file, a);
  }
  io.write(json ? JSON.stringify(results, null, 2) + '\n' : text);
  if (io.interactive) io.error(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'it is a directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message ?? String(e);
}
