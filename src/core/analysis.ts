// What the validator reports: diagnostics, the per-line trace and the per-segment results.
import type { ParsedDocument, Range, SegmentStatement, TcpState } from './syntax/syntax.ts';
import type { Value } from './sequence.ts';
import type { Text } from './i18n/types.ts';

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'syntax-error' | 'unknown-flag' | 'invalid-flags' | 'unknown-state' | 'invalid-initial-state'
  | 'unknown-endpoint' | 'duplicate-endpoint' | 'too-many-endpoints' | 'self-segment' | 'invalid-number'
  | 'duplicate-field' | 'id-required' | 'duplicate-id' | 'unknown-id' | 'unexpected-segment'
  | 'missing-ack-flag' | 'ack-without-flag' | 'wrong-seq' | 'wrong-ack' | 'data-after-fin'
  | 'retransmission' | 'keep-alive' | 'duplicate-segment' | 'out-of-order' | 'rst-expected'
  | 'ignored-segment' | 'state-mismatch' | 'invalid-action' | 'unacknowledged' | 'undelivered'
  | 'window-exceeded' | 'window-probe' | 'challenge-ack'
  // exercises (contract 9): a blank with no right answer; in the student's view, a changed line and a blank's verdict
  | 'bad-blank' | 'changed-line' | 'blank-right' | 'blank-wrong';

/** `message` is English; `text` is the same message as an id + parameters, for other languages. */
export interface RelatedInformation { range: Range; message: string; text?: Text }

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  range: Range;
  /** The message in English (the contract's JSON `message`). */
  message: string;
  /** The same message as an id + parameters: `formatText(lang, d.text)` gives it in another language. */
  text: Text;
  /** Structured data of the message (expected/found values, names), for other languages and quick fixes. */
  params: Record<string, string | number>;
  related?: RelatedInformation[];
  /** Index in `Analysis.segments` of the segment the finding is about, when there is one. */
  segment?: number;
}

/** A transmission control block, frozen at one moment. Undefined fields are not known yet. */
export interface TcbSnapshot {
  state: TcpState;
  iss?: Value;
  sndUna?: Value;
  sndNxt?: Value;
  irs?: Value;
  rcvNxt?: Value;
  finSeq?: Value;
  /** Out-of-order octet ranges waiting for the gap to fill: [start, end). */
  outOfOrder: { start: Value; end: Value; fin: boolean }[];
  /** SND.WND: the window the peer last advertised (4.1); undefined = no limit known. */
  sndWnd?: number;
  /** The window this endpoint last advertised (`win=`), which limits what it takes (4.2 step 6). */
  rcvWnd?: number;
}

/** The states after one event line (a segment, an action, a `deliver`). */
export interface Step {
  line: number;
  /** States of the endpoints, in `Analysis.endpoints` order. */
  states: TcpState[];
  /** States before the event, same order. */
  before: TcpState[];
  tcbs: TcbSnapshot[];
}

export interface EndpointInfo {
  name: string;
  label: string;
  initial: TcpState;
  /** Where it is declared, or first used when the file declares no endpoint. */
  range: Range;
  declared: boolean;
}

/** What the validator made of one segment statement. */
export interface SegmentResult {
  statement: SegmentStatement;
  /** Indices into `Analysis.endpoints`. */
  from: number;
  to: number;
  /** The seq and ack the validator expected at send time (undefined where any value is right). */
  expectedSeq?: Value;
  expectedAck?: Value;
  /** The values used: written, or filled in with the expected ones. */
  seq?: Value;
  ack?: Value;
  /** An `old` duplicate (2.3): no send-side checks, nothing changes at its sender. */
  old?: boolean;
  /** For a slip (4.4): the reading the checker kept. */
  reading?: 'meant' | 'written';
  /** The line where the segment reached the receiver (its own line for `->`, the `deliver` line for `~>`). */
  deliveredLine?: number;
  /** The highest severity among the segment's diagnostics. */
  worst?: Severity;
}

export interface SymbolBinding {
  name: string;
  value: Value;
  /** True when the symbol is a new unknown (an ISS), false when bound to an expected value. */
  unknown: boolean;
  line: number;
  range: Range;
}

export interface Analysis {
  document: ParsedDocument;
  title?: string;
  endpoints: EndpointInfo[];
  diagnostics: Diagnostic[];
  steps: Step[];
  /** Index into `steps` for each line (−1 where the line runs no event). */
  stepAtLine: Int32Array;
  segments: SegmentResult[];
  symbols: Map<string, SymbolBinding>;
  final: TcpState[];
  /** Prints a value in the file's own notation (`x+1`, `u`, `1001`). */
  format(value: Value): string;
}
