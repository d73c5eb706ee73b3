// Runs a file's statements in order through the two TCBs and collects diagnostics and the trace.
import type { Analysis, Severity } from '../analysis.ts';
import { SEVERITY_OF, type Finding } from '../diagnostics.ts';
import { parse } from '../syntax/parser.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { Range, Statement } from '../syntax/syntax.ts';
import { Context } from './context.ts';
import { establish, resolveEndpoints } from './endpoints.ts';
import { reportEndOfFile } from './endOfFile.ts';
import { Runner } from './runner.ts';
import { Tcb } from './tcb.ts';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function analyze(text: string): Analysis {
  const { document, findings } = parse(text);
  const statements = document.statements;
  const segmentAtLine = new Int32Array(document.lineCount).fill(-1);
  let segmentCount = 0;
  for (const s of statements) if (s.kind === 'segment') segmentAtLine[s.line] = segmentCount++;

  const early: Finding[] = [];
  const table = resolveEndpoints(statements, (f) => early.push(f));
  // 4.5.1: SRC, then DST, is a line's first problem; the parser cannot know which names are declared
  const unknownAt = table.declaredMode ? linesWithUnknownEndpoint(statements, table) : undefined;
  for (const f of findings) if (!unknownAt?.has(f.range.start.line)) early.push(f);
  const tcbs = table.endpoints.map((e, i) => new Tcb(e.name, i, e.initial));
  const ctx = new Context(tcbs, errorLinesOf(findings, statements, segmentAtLine));
  ctx.segments.length = segmentCount;
  establish(ctx, table, (f) => early.push(f));
  for (const f of early) {
    const seg = segmentAtLine[f.range.start.line] ?? -1;
    if (seg >= 0 && f.segment === undefined) f.segment = seg;
    ctx.report(f);
  }

  const run = new Runner(ctx, { statements, table, segmentAtLine, lineCount: document.lineCount });
  run.run(0);
  reportEndOfFile(ctx);
  let title: string | undefined;
  for (const s of statements) if (s.kind === 'title') title = s.text;

  const segments = ctx.segments;
  const diagnostics = ctx.realSink.list;
  for (const d of diagnostics) {
    if (d.segment === undefined) continue;
    const res = segments[d.segment];
    if (res && (!res.worst || RANK[d.severity] > RANK[res.worst])) res.worst = d.severity;
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  clampRanges(diagnostics, document.lineLengths);
  return {
    document, title, endpoints: table.endpoints, diagnostics, steps: run.steps, stepAtLine: run.stepAtLine,
    segments, symbols: ctx.symbols.map, final: tcbs.map((x) => x.state),
    format: (v) => ctx.notation.format(v),
  };
}

function linesWithUnknownEndpoint(statements: Statement[], table: ReturnType<typeof resolveEndpoints>): Set<number> {
  const lines = new Set<number>();
  for (const s of statements) {
    if (s.kind !== 'segment') continue;
    const n = s as SegmentNode;
    if (table.indexOf(n.srcName) < 0 || (n.dstName && table.indexOf(n.dstName) < 0)) lines.add(s.line);
  }
  return lines;
}

/**
 * Lines of segments with a parse error outside their assertions (4.4: no receive-side warnings for them).
 */
function errorLinesOf(findings: Finding[], statements: Statement[], segmentAtLine: Int32Array): Set<number> {
  const lines = new Set<number>();
  const byLine = new Map<number, Statement>();
  if (findings.length) for (const s of statements) if (s.kind === 'segment') byLine.set(s.line, s);
  for (const f of findings) {
    const line = f.range.start.line;
    if (segmentAtLine[line] < 0 || (f.severity ?? SEVERITY_OF[f.code]) !== 'error') continue;
    const seg = byLine.get(line) as SegmentNode | undefined;
    const assertAt = seg ? assertionColumn(seg.text) : -1;
    if (assertAt >= 0 && f.range.start.character >= assertAt) continue;
    lines.add(line);
  }
  return lines;
}

/** Column of `=>` outside quoted text, or −1. */
function assertionColumn(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”') quoted = !quoted;
    else if (!quoted && c === '=' && text[i + 1] === '>') return i;
    else if (!quoted && c === '#') return -1;
  }
  return -1;
}

function clampRanges(diagnostics: Analysis['diagnostics'], lineLengths: number[]): void {
  const last = lineLengths.length - 1;
  const clamp = (p: Range['start']) => {
    if (p.line > last) { p.line = last; p.character = lineLengths[last]; }
    if (p.line < 0) { p.line = 0; p.character = 0; }
    p.character = Math.max(0, Math.min(p.character, lineLengths[p.line]));
  };
  for (const d of diagnostics) {
    d.range = { start: { ...d.range.start }, end: { ...d.range.end } };
    clamp(d.range.start);
    clamp(d.range.end);
  }
}
