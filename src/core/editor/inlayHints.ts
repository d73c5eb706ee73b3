// State hints: at the end of each event line, the endpoints' states after it; on the declaration of an
// endpoint that starts ESTABLISHED, the numbers it starts with; and the states at a line (the status bar).
import type { Analysis } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import type { Position, TcpState } from '../syntax/syntax.ts';
import { tr } from './completionTables.ts';
import { startNumbers, startText, type StartNumbers } from './expected.ts';
import { stepAtOrBefore, statesLabel } from './positions.ts';
import { stateSummary } from './stateDocs.ts';

export interface StateHint {
  /** End of the line's text (after any comment). */
  position: Position;
  /** `client: SYN_SENT · server: SYN_RECEIVED`, or `ESTABLISHED snd=42 rcv=79` on a declaration. */
  label: string;
  /** Markdown: before -> after for each endpoint. */
  tooltip: string;
  line: number;
  /** `state`: the states after an event line; `start`: the numbers an ESTABLISHED endpoint starts with. */
  kind: 'state' | 'start';
}

/** One hint per event line (and ESTABLISHED declaration) in [fromLine, toLine] (inclusive; the whole file by default). */
export function stateHints(analysis: Analysis, fromLine = 0, toLine = Number.MAX_SAFE_INTEGER, lang: Lang = 'en'): StateHint[] {
  const hints: StateHint[] = [];
  const lengths = analysis.document.lineLengths;
  const at = analysis.stepAtLine;
  const starts = startHints(analysis, lang).filter((h) => h.line >= fromLine && h.line <= toLine);
  let s = 0;
  for (let line = Math.max(0, fromLine); line <= Math.min(toLine, at.length - 1); line++) {
    while (s < starts.length && starts[s].line <= line) hints.push(starts[s++]);
    if (at[line] < 0) continue;
    const step = analysis.steps[at[line]];
    const tooltip = analysis.endpoints.map((e, i) => {
      const changed = step.before[i] !== step.states[i];
      return `- **${e.name}**: ${changed ? `${step.before[i]} → ${step.states[i]}` : tr(lang, 'editor.hint.unchanged', { state: step.states[i] })}`;
    }).join('\n');
    hints.push({ kind: 'state', line: step.line, position: { line: step.line, character: lengths[step.line] ?? 0 }, label: statesLabel(analysis, step.states), tooltip });
  }
  while (s < starts.length) hints.push(starts[s++]);
  return hints;
}

/** `ESTABLISHED snd=42 rcv=79` at the end of each ESTABLISHED declaration, with the values taken. */
function startHints(analysis: Analysis, lang: Lang): StateHint[] {
  const out: StateHint[] = [];
  analysis.endpoints.forEach((e, i) => {
    const n = startNumbers(analysis, i);
    if (!n || !e.declared) return;
    const line = e.range.start.line;
    out.push({
      kind: 'start', line, position: { line, character: analysis.document.lineLengths[line] ?? 0 },
      label: `ESTABLISHED ${startText(analysis, n)}`, tooltip: startTooltip(e.name, n, lang),
    });
  });
  return out.sort((a, b) => a.line - b.line);
}

function startTooltip(name: string, n: StartNumbers, lang: Lang): string {
  const from = (which: 'snd' | 'rcv') => {
    const source = n[`${which}From`];
    return `- ${tr(lang, source ? `editor.hover.from.${source}` : 'editor.hover.from.unknown', { field: which })}`;
  };
  return [tr(lang, 'editor.hint.start', { endpoint: name }), '', from('snd'), from('rcv')].join('\n');
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

/** The states once `line` has run (the last event at or before it). Before any event, ESTABLISHED starts show their numbers. */
export function statesAtLine(analysis: Analysis, line: number, lang: Lang = 'en'): StatesAtLine | undefined {
  if (analysis.endpoints.length === 0) return undefined;
  const step = stepAtOrBefore(analysis, line);
  const states = step ? step.states : analysis.endpoints.map((e) => e.initial);
  const numbers = analysis.endpoints.map((_, i) => startNumbers(analysis, i));
  const withNumbers = (i: number) => {
    const n = numbers[i];
    return n ? `${states[i]} ${startText(analysis, n)}` : states[i];
  };
  const tooltip = analysis.endpoints.map((e, i) => `**${e.name}** ${step ? states[i] : withNumbers(i)} — ${stateSummary(states[i], lang)}`).join('\n\n');
  const text = step ? statesLabel(analysis, states) : analysis.endpoints.map((e, i) => `${e.name}: ${withNumbers(i)}`).join(' · ');
  return { text, states, tooltip, fromLine: step ? step.line : -1 };
}

