// The messages between the extension host and the preview webview, typed on both sides.
// Pure data (structured-clone safe); no imports from vscode or the DOM.
import { formatText } from '../core/i18n/format.ts';
import type { Lang, Text } from '../core/i18n/types.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface MessageMeta {
  /** 0-based line of the segment statement. */
  line: number;
  /** 0-based line where the segment was delivered (a `deliver` line for `~>`). */
  deliveredLine?: number;
  kind: 'delivered' | 'lost' | 'late' | 'in-flight';
  /** An old duplicate (contract 2.3), drawn dashed. */
  old?: boolean;
  label: string;
  /** The segment's line as written. */
  source?: string;
  findings: { severity: FindingSeverity; code: string; message: string }[];
  worst?: FindingSeverity;
}

export interface NoteMeta {
  line: number;
  kind: 'initial-state' | 'state' | 'action' | 'send' | 'note' | 'section' | 'finding';
  severity?: FindingSeverity;
}

/** What the webview remembers across reloads (through `vscode.setState`; the serializer gets it back). */
export interface PreviewPersistedState {
  sourceUri: string;
  locked: boolean;
  /** 'fit' or a scale factor. */
  zoom: 'fit' | number;
}

export interface UpdateMessage {
  type: 'update';
  sourceUri: string;
  fileName: string;
  /** The document version this diagram is of. */
  version: number;
  locked: boolean;
  /** The language the page speaks (tcpseq.language, resolved by the extension); English when absent. */
  lang?: Lang;
  mermaid: string;
  /** One entry per arrow, in drawing order (the n-th `.messageText` of the SVG). */
  messages: MessageMeta[];
  /** One entry per note, in drawing order (the n-th `.note` of the SVG). */
  notes: NoteMeta[];
  /** Lines that are no statement (or not a usable one): the last good diagram stays, with a banner. */
  syntaxErrors: { line: number; message: string }[];
}

export type HostToWebview =
  | UpdateMessage
  /** The editor's cursor is on these lines: highlight their arrows and notes. */
  | { type: 'highlight'; line: number }
  | { type: 'zoom'; action: 'in' | 'out' | 'fit' | 'reset' }
  | { type: 'export'; requestId: number; format: 'svg' | 'png'; lightBackground: boolean };

export type WebviewToHost =
  | { type: 'ready' }
  /** A diagram is on screen (`version`), or a newer version was checked and the last good one kept.
   *  `renderMs`: the time Mermaid itself took to draw it. */
  | { type: 'rendered'; version: number; diagramVersion: number; messageCount: number; noteCount: number; renderMs: number; kept: boolean }
  | { type: 'renderError'; version: number; message: string }
  | { type: 'reveal'; line: number }
  /** `data`: SVG text, or a PNG as base64. */
  | { type: 'exported'; requestId: number; data?: string; error?: string }
  | { type: 'persist'; state: PreviewPersistedState };

export const VIEW_TYPE = 'tcpseq.preview';

/**
 * The per-arrow and per-note data of a diagram model, as the webview needs it. A finding that carries its
 * message as a `text` (id + parameters) is worded in `lang`; otherwise its English `message` is kept.
 */
export function metaOf(model: {
  messages: readonly { line: number; deliveredLine?: number; kind: MessageMeta['kind']; old?: boolean; label: string; source?: string; findings: readonly { severity: FindingSeverity; code: string; message: string; text?: Text }[]; worst?: FindingSeverity }[];
  notes: readonly { line: number; kind: NoteMeta['kind']; severity?: FindingSeverity }[];
}, lang: Lang = 'en'): { messages: MessageMeta[]; notes: NoteMeta[] } {
  return {
    messages: model.messages.map((m) => {
      const meta: MessageMeta = {
        line: m.line, kind: m.kind, label: m.label,
        findings: m.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.text ? formatText(lang, f.text) : f.message })),
      };
      if (m.deliveredLine !== undefined) meta.deliveredLine = m.deliveredLine;
      if (m.old) meta.old = true;
      if (m.source !== undefined) meta.source = m.source;
      if (m.worst !== undefined) meta.worst = m.worst;
      return meta;
    }),
    notes: model.notes.map((n) => (n.severity ? { line: n.line, kind: n.kind, severity: n.severity } : { line: n.line, kind: n.kind })),
  };
}

/** Diagnostic codes that mean a line could not be read as intended (the preview keeps its last good diagram). */
export const SYNTAX_CODES: ReadonlySet<string> = new Set([
  'syntax-error', 'unknown-flag', 'invalid-flags', 'unknown-state', 'invalid-initial-state', 'unknown-endpoint',
  'duplicate-endpoint', 'too-many-endpoints', 'self-segment', 'invalid-number', 'duplicate-field', 'id-required',
  'duplicate-id', 'unknown-id',
]);
