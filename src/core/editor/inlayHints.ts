// State hints: at the end of each event line, the endpoints' states after it; and the states at a line
// (for the status bar).
import type { Analysis } from '../analysis.ts';
import type { Position, TcpState } from '../syntax/syntax.ts';
import { stepAtOrBefore, statesLabel } from './positions.ts';
import { stateSummary } from './stateDocs.ts';

export interface StateHint {
  /** End of the line's text (after any comment). */
  position: Position;
  /** `client: SYN_SENT · server: SYN_RECEIVED` */
  label: string;
  /** Markdown: before -> after for each endpoint. */
  tooltip: string;
  line: number;
}

/** One hint per event line in [fromLine, toLine] (inclusive; the whole file by default). */
export function stateHints(analysis: Analysis, fromLine = 0, toLine = Number.MAX_SAFE_INTEGER): StateHint[] {
  const hints: StateHint[] = [];
  const lengths = analysis.document.lineLengths;
  const at = analysis.stepAtLine;
  for (let line = Math.max(0, fromLine); line <= Math.min(toLine, at.length - 1); line++) {
    if (at[line] < 0) continue;
    const step = analysis.steps[at[line]];
    const tooltip = analysis.endpoints.map((e, i) => {
      const changed = step.before[i] !== step.states[i];
      return `- **${e.name}**: ${changed ? `${step.before[i]} → ${step.states[i]}` : `${step.states[i]} (unchanged)`}`;
    }).join('\n');
    hints.push({ line: step.line, position: { line: step.line, character: lengths[step.line] ?? 0 }, label: statesLabel(analysis, step.states), tooltip });
  }
  return hints;
}

export interface StatesAtLine {
  /** `client: ESTABLISHED · server: ESTABLISHED`, or the initial states before any event. */
  text: string;
  states: TcpState[];
  /** Markdown: each endpoint's state and what it means. */
  tooltip: string;
  /** The line of the event the states come from (-1: initial states). */
  fromLine: number;
}

/** The states once `line` has run (the last event at or before it). */
export function statesAtLine(analysis: Analysis, line: number): StatesAtLine | undefined {
  if (analysis.endpoints.length === 0) return undefined;
  const step = stepAtOrBefore(analysis, line);
  const states = step ? step.states : analysis.endpoints.map((e) => e.initial);
  const tooltip = analysis.endpoints.map((e, i) => `**${e.name}** ${states[i]} — ${stateSummary(states[i])}`).join('\n\n');
  return { text: statesLabel(analysis, states), states, tooltip, fromLine: step ? step.line : -1 };
}
