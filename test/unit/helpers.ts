// Small helpers for the core's tests.
import { analyze, type Analysis, type Diagnostic } from '../../src/core/index.ts';

/** Joins lines into a file. */
export function file(...lines: string[]): string { return lines.join('\n') + '\n'; }

/** `LINE code` for every diagnostic (1-based lines), sorted. */
export function found(text: string, severities: string[] = ['error', 'warning', 'info']): string[] {
  return analyze(text).diagnostics.filter((d) => severities.includes(d.severity)).map((d) => `${d.range.start.line + 1} ${d.code}`);
}

export function only(text: string, code: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => d.code === code);
}

/** States after the last event, as `name=STATE`. */
export function finalStates(a: Analysis): string {
  return a.endpoints.map((e, i) => `${e.name}=${a.final[i]}`).join(' ');
}

export function statesAt(a: Analysis, line1: number): string {
  const i = a.stepAtLine[line1 - 1];
  if (i < 0) throw new Error(`no step at line ${line1}`);
  return a.endpoints.map((e, k) => `${e.name}=${a.steps[i].states[k]}`).join(' ');
}

export const HANDSHAKE = [
  'endpoint client',
  'endpoint server LISTEN',
  'client -> server: SYN seq=x',
  'server -> client: SYN+ACK seq=y ack=x+1',
  'client -> server: ACK seq=x+1 ack=y+1',
];
