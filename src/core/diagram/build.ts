// Builds the diagram model from an Analysis: arrows, state notes on each endpoint's side, sections as bands,
// notes, and the findings of every line next to what they are about.
import type { Analysis, Diagnostic, Severity } from '../analysis.ts';
import { startNumbers, startText } from '../editor/expected.ts';
import { formatText } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';
import type { Statement } from '../syntax/syntax.ts';
import { actionText, diagramWord, findingLines, NOTE_WIDTH, segmentLabel, wrap } from './labels.ts';
import type {
  DiagramFinding, DiagramItem, DiagramMessage, DiagramModel, DiagramNote, DiagramParticipant, MessageKind,
} from './types.ts';

export interface BuildOptions {
  /** The file's text: when given, each message carries its source line (for hovers). */
  text?: string;
  /**
   * Draw at most this many arrows (a sequence diagram of 100,000 segments helps nobody and would keep the
   * browser busy for minutes); a closing note says how many were left out.
   */
  maxMessages?: number;
  /** The language of the diagram's own words and of the findings (default English). */
  lang?: Lang;
}

export function buildDiagram(analysis: Analysis, options: BuildOptions = {}): DiagramModel {
  return new DiagramBuilder(analysis, options).build();
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

class DiagramBuilder {
  private readonly messages: DiagramMessage[] = [];
  private readonly notes: DiagramNote[] = [];
  private readonly root: DiagramItem[] = [];
  private current: DiagramItem[] = this.root;
  private bands = 0;
  private readonly participants: DiagramParticipant[];
  /** Errors and warnings not drawn yet, by line. */
  private readonly pending = new Map<number, Diagnostic[]>();
  /** Every finding of each segment, for hovers and labels. */
  private readonly bySegment = new Map<number, DiagramFinding[]>();
  private readonly sourceLines?: string[];
  private readonly segmentAtLine = new Map<number, number>();
  /** In-flight segments by the `deliver` line and id that delivered them. */
  private readonly deliveredAt = new Map<string, number>();

  private readonly lang: Lang;

  private truncationNote(line: number): void {
    const total = this.analysis.segments.length;
    this.current = this.root;
    this.note('note', line, 'over', this.all(), wrap(diagramWord(this.lang, 'truncated', { drawn: this.messages.length, rest: total - this.messages.length, line: line + 1 }), NOTE_WIDTH));
  }

  constructor(private readonly analysis: Analysis, private readonly options: BuildOptions) {
    this.lang = options.lang ?? 'en';
    this.participants = analysis.endpoints.slice(0, 2).map((e, i) => ({
      id: `p${i}`, name: e.name, label: e.label || e.name, side: i === 0 ? 'left' : 'right',
    }));
    this.sourceLines = options.text?.split(/\r\n|\r|\n/);
    analysis.segments.forEach((s, i) => {
      this.segmentAtLine.set(s.statement.line, i);
      if (s.statement.arrow === '~>' && s.deliveredLine !== undefined && s.statement.id) this.deliveredAt.set(`${s.deliveredLine}:${s.statement.id.name}`, i);
    });
    for (const d of analysis.diagnostics) {
      if (d.segment !== undefined) {
        const list = this.bySegment.get(d.segment) ?? [];
        list.push({ code: d.code, severity: d.severity, message: this.lang === 'en' ? d.message : findingText(d, this.lang), line: d.range.start.line });
        this.bySegment.set(d.segment, list);
      }
      if (d.severity === 'info') continue;
      const line = d.range.start.line;
      const list = this.pending.get(line) ?? [];
      list.push(d);
      this.pending.set(line, list);
    }
  }

  build(): DiagramModel {
    this.initialStates();
    const statements = [...this.analysis.document.statements].sort((a, b) => a.line - b.line);
    const statementLines = new Set(statements.map((s) => s.line));
    // Lines with findings but no statement (syntax errors) keep their place in the drawing.
    const orphanLines = [...this.pending.keys()].filter((l) => !statementLines.has(l)).sort((a, b) => a - b);
    let o = 0;
    const max = this.options.maxMessages ?? Infinity;
    for (const s of statements) {
      if (this.messages.length >= max) { this.truncationNote(s.line); o = orphanLines.length; break; }
      while (o < orphanLines.length && orphanLines[o]! < s.line) this.leftoverFindings(orphanLines[o++]!);
      this.statement(s);
      this.leftoverFindings(s.line);
    }
    while (o < orphanLines.length) this.leftoverFindings(orphanLines[o++]!);
    return {
      title: this.analysis.title, participants: this.participants, items: this.root,
      messages: this.messages, notes: this.notes,
    };
  }

  private statement(s: Statement): void {
    switch (s.kind) {
      case 'section': {
        const band: DiagramItem = { kind: 'section', name: s.name, line: s.line, band: this.bands++, items: [] };
        this.root.push(band);
        this.current = band.items;
        this.note('section', s.line, 'over', this.all(), [s.name.trim() || diagramWord(this.lang, 'unnamedSection')]);
        break;
      }
      case 'note': {
        const i = s.endpoint ? this.participants.findIndex((p) => p.name === s.endpoint!.name) : -1;
        this.note('note', s.line, 'over', i >= 0 ? [i] : this.all(), wrap(s.text, NOTE_WIDTH));
        break;
      }
      case 'segment': this.segment(this.segmentAtLine.get(s.line)); break;
      case 'deliver': {
        for (const id of s.ids) {
          const i = this.deliveredAt.get(`${s.line}:${id.name}`);
          if (i !== undefined) this.arrow(i, 'late', s.line);
        }
        this.stateNotes(s.line);
        break;
      }
      case 'action': {
        const step = this.stepAt(s.line);
        const who = this.participants.findIndex((p) => p.name === s.endpoint.name);
        if (!step || who < 0 || step.before[who] === step.states[who]) {
          // An action that changed nothing: drawn with its findings (an invalid action) in one band.
          const findings = who >= 0 ? this.take(s.line, () => true) : [];
          if (who >= 0) this.group(findings, () => { this.note('action', s.line, this.side(who), [who], [actionText(s, this.lang)]); });
          this.stateNotes(s.line);
        } else {
          this.stateNotes(s.line, who, actionText(s, this.lang), s.action === 'crash');
        }
        break;
      }
      default: break; // title, endpoint, expect: nothing to draw (their findings are drawn at their line)
    }
  }

  private segment(index: number | undefined): void {
    if (index === undefined) return;
    const r = this.analysis.segments[index]!;
    const line = r.statement.line;
    if (!this.drawable(r.from, r.to)) return; // unknown endpoint or self-segment: only its findings are drawn
    const arrow = r.statement.arrow;
    if (arrow === '~>' && r.deliveredLine !== undefined) {
      // The send is marked where it happens; the arrow is drawn where it is delivered.
      const sends = diagramWord(this.lang, 'sends', { id: r.statement.id?.name ?? '', flags: r.statement.flags.join('+') || '?' });
      const label = r.statement.old ? `${diagramWord(this.lang, 'oldDuplicate')} · ${sends}` : sends;
      const findings = this.take(line, (d) => d.segment === index);
      this.group(findings, () => {
        const note = this.note('send', line, this.side(r.from), [r.from], [label]);
        note.segment = index;
      });
    } else {
      const kind: MessageKind = arrow === '-x' ? 'lost' : arrow === '~>' ? 'in-flight' : 'delivered';
      this.arrow(index, kind, line);
    }
    this.stateNotes(line);
  }

  /** Draws segment `index`'s arrow at `line`, with the findings of that line in a band. */
  private arrow(index: number, kind: MessageKind, line: number): void {
    const r = this.analysis.segments[index]!;
    const s = r.statement;
    const findings = this.take(line, (d) => d.segment === index || (d.segment === undefined && s.line === line));
    const infos = (this.bySegment.get(index) ?? []).filter((f) => f.severity === 'info').map((f) => f.code);
    let label = segmentLabel(this.analysis, r, this.lang);
    if (kind === 'late' || kind === 'in-flight') label = `${s.id?.name ?? '?'} · ${label}`;
    if (s.old) label = `${diagramWord(this.lang, 'oldDuplicate')} · ${label}`;
    if (kind === 'in-flight') label += ` ${diagramWord(this.lang, 'neverDelivered')}`;
    if (infos.length) label += ` (${[...new Set(infos)].join(', ')})`;
    const message: DiagramMessage = {
      index: this.messages.length, segment: index, from: r.from, to: r.to, kind, label, line: s.line,
      range: s.range, findings: this.bySegment.get(index) ?? [],
    };
    if (s.old) message.old = true;
    if (r.deliveredLine !== undefined) message.deliveredLine = r.deliveredLine;
    if (r.worst) message.worst = r.worst;
    const source = this.sourceLines?.[s.line];
    if (source !== undefined) message.source = source.trim();
    this.group(findings, () => {
      this.messages.push(message);
      this.current.push({ kind: 'message', message });
    });
  }

  /** Runs `draw`, then the findings' note; both inside a band coloured by the worst finding. */
  private group(findings: Diagnostic[], draw: () => void): void {
    if (!findings.length) { draw(); return; }
    const worst = findings.reduce((w, d) => (RANK[d.severity] > RANK[w] ? d.severity : w), 'warning' as Severity);
    const outer = this.current;
    const items: DiagramItem[] = [];
    outer.push({ kind: 'highlight', severity: worst === 'error' ? 'error' : 'warning', items });
    this.current = items;
    try {
      draw();
      const line = findings[0]!.range.start.line;
      const endpoints = this.findingEndpoints(findings);
      const ordered = [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
      const note = this.note('finding', line, 'over', endpoints, ordered.flatMap((d) => findingLines(d, this.lang)));
      note.severity = worst;
    } finally {
      this.current = outer;
    }
  }

  private findingEndpoints(findings: Diagnostic[]): number[] {
    const seg = findings.find((d) => d.segment !== undefined)?.segment;
    const r = seg === undefined ? undefined : this.analysis.segments[seg];
    if (r && this.drawable(r.from, r.to)) return [Math.min(r.from, r.to), Math.max(r.from, r.to)];
    return this.all();
  }

  /** Findings of a line that nothing drew yet. */
  private leftoverFindings(line: number): void {
    const rest = this.take(line, () => true);
    if (rest.length) this.group(rest, () => {});
  }

  private take(line: number, which: (d: Diagnostic) => boolean): Diagnostic[] {
    const list = this.pending.get(line);
    if (!list) return [];
    const taken = list.filter(which);
    const kept = list.filter((d) => !which(d));
    if (kept.length) this.pending.set(line, kept); else this.pending.delete(line);
    return taken;
  }

  private initialStates(): void {
    this.analysis.endpoints.slice(0, 2).forEach((e, i) => {
      // A connection that already exists (2.2): the numbers each side starts with, as the validator took them.
      const start = startNumbers(this.analysis, i);
      this.note('initial-state', e.range.start.line, this.side(i), [i], start ? [e.initial, startText(this.analysis, start)] : [e.initial]);
    });
  }

  /** A note for each endpoint whose state changed at `line`; `action` names what changed `actor`'s state. */
  private stateNotes(line: number, actor?: number, action?: string, crash = false): void {
    const step = this.stepAt(line);
    if (!step) return;
    for (let i = 0; i < this.participants.length; i++) {
      if (step.before[i] === step.states[i] || step.states[i] === undefined) continue;
      const text = i === actor && action ? [action, `→ ${step.states[i]}`] : [step.states[i]!];
      const note = this.note('state', line, this.side(i), [i], text);
      if (crash && i === actor) note.crash = true;
    }
  }

  private stepAt(line: number) {
    const at = line >= 0 && line < this.analysis.stepAtLine.length ? this.analysis.stepAtLine[line]! : -1;
    return at >= 0 ? this.analysis.steps[at] : undefined;
  }

  private note(kind: DiagramNote['kind'], line: number, placement: DiagramNote['placement'], endpoints: number[], text: string[]): DiagramNote {
    const note: DiagramNote = { index: this.notes.length, kind, line, placement, endpoints, text };
    if (!endpoints.length) return note; // nobody to draw it over (a file without endpoints)
    this.notes.push(note);
    this.current.push({ kind: 'note', note });
    return note;
  }

  private side(i: number): 'left' | 'right' { return i === 0 ? 'left' : 'right'; }
  private all(): number[] { return this.participants.map((_, i) => i); }
  private drawable(from: number, to: number): boolean {
    return from >= 0 && to >= 0 && from !== to && from < this.participants.length && to < this.participants.length;
  }
}

/** A finding's message in the diagram's language. */
function findingText(d: Diagnostic, lang: Lang): string {
  return formatText(lang, d.text);
}
