// The diagnostic codes of contract section 5 and their severities, and a collector that keeps
// "one segment gets at most one diagnostic of each code" (4.3) and every range inside the document.
import type { Diagnostic, DiagnosticCode, RelatedInformation, Severity } from './analysis.ts';
import type { Range } from './syntax/syntax.ts';
import { en } from './i18n/format.ts';
import type { Text } from './i18n/types.ts';

export const SEVERITY_OF: Readonly<Record<DiagnosticCode, Severity>> = {
  'syntax-error': 'error', 'unknown-flag': 'error', 'invalid-flags': 'error', 'unknown-state': 'error',
  'invalid-initial-state': 'error', 'unknown-endpoint': 'error', 'duplicate-endpoint': 'error',
  'too-many-endpoints': 'error', 'self-segment': 'error', 'invalid-number': 'error', 'duplicate-field': 'error',
  'id-required': 'error', 'duplicate-id': 'error', 'unknown-id': 'error',
  'unexpected-segment': 'error',
  'missing-ack-flag': 'error', 'ack-without-flag': 'warning', 'wrong-seq': 'error', 'wrong-ack': 'error',
  'data-after-fin': 'error', 'retransmission': 'info', 'keep-alive': 'info', 'duplicate-segment': 'info',
  'out-of-order': 'info', 'rst-expected': 'warning', 'ignored-segment': 'warning', 'state-mismatch': 'error',
  'invalid-action': 'error', 'unacknowledged': 'warning', 'undelivered': 'warning',
  'window-exceeded': 'error', 'window-probe': 'info', 'challenge-ack': 'info',
  'bad-blank': 'error', 'changed-line': 'warning', 'blank-right': 'info', 'blank-wrong': 'error',
};

/** The findings of exercises (contract 9): reported by src/core/exercise, never by `analyze`. */
export const EXERCISE_CODES: readonly DiagnosticCode[] = ['bad-blank', 'changed-line', 'blank-right', 'blank-wrong'];
/** The checker's codes (contract section 5 and the new checks of v2). */
export const DIAGNOSTIC_CODES = (Object.keys(SEVERITY_OF) as DiagnosticCode[]).filter((c) => !EXERCISE_CODES.includes(c));

export interface Finding {
  code: DiagnosticCode;
  range: Range;
  /** The message as an id + parameters: it can be shown in every language. */
  text: Text;
  /** Flat parameters for quick fixes and tests (expected/found values, names). */
  params?: Record<string, string | number>;
  related?: { range: Range; text: Text }[];
  severity?: Severity;
  segment?: number;
}

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private readonly perSegment = new Set<string>();

  add(f: Finding): Diagnostic | undefined {
    if (f.segment !== undefined) {
      const key = `${f.segment}:${f.code}`;
      if (this.perSegment.has(key)) return undefined;
      this.perSegment.add(key);
    }
    const d: Diagnostic = {
      code: f.code,
      severity: f.severity ?? SEVERITY_OF[f.code],
      range: f.range,
      message: en(f.text),
      text: f.text,
      params: f.params ?? {},
    };
    if (f.related?.length) d.related = f.related.map((r): RelatedInformation => ({ range: r.range, message: en(r.text), text: r.text }));
    if (f.segment !== undefined) d.segment = f.segment;
    this.list.push(d);
    return d;
  }
}
