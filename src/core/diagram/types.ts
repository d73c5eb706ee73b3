// The diagram model: what the preview draws, built from an Analysis (pure data, no Mermaid syntax).
import type { Severity } from '../analysis.ts';
import type { Range } from '../syntax/syntax.ts';

/** How a segment's arrow is drawn. */
export type MessageKind =
  | 'delivered' // `->`: sent and received on the same line
  | 'lost' // `-x`: never received
  | 'late' // `~>` received at a later `deliver` line (the arrow is drawn there)
  | 'in-flight'; // `~>` never delivered by the end of the file

export interface DiagramFinding {
  code: string;
  severity: Severity;
  message: string;
  /** 0-based line of the diagnostic. */
  line: number;
}

export interface DiagramParticipant {
  /** The id used in the Mermaid text (`p0`, `p1`): never text from the file. */
  id: string;
  name: string;
  label: string;
  /** The side where this endpoint's states are drawn: the first endpoint's on the left, the second's on the right. */
  side: 'left' | 'right';
}

export interface DiagramMessage {
  /** Position among the drawn arrows (the n-th `.messageText` / `.messageLine` of the SVG). */
  index: number;
  /** Index into `Analysis.segments`. */
  segment: number;
  from: number;
  to: number;
  kind: MessageKind;
  /** The arrow's label, plain text (the renderer escapes it). */
  label: string;
  /** 0-based line of the segment statement. */
  line: number;
  /** 0-based line where the receiver got it (the segment's line for `->`, the `deliver` line for `~>`). */
  deliveredLine?: number;
  range: Range;
  /** An `old` duplicate from an earlier incarnation of the connection (contract 2.3): drawn dashed and labelled. */
  old?: boolean;
  /** The segment's source line, when the text was given to the builder. */
  source?: string;
  /** Every finding about this segment (errors, warnings and infos), for the hover. */
  findings: DiagramFinding[];
  worst?: Severity;
}

export type NoteKind =
  | 'initial-state' // an endpoint's state at the top
  | 'state' // an endpoint's new state after an event (may carry the action that caused it)
  | 'action' // an action that changed no state
  | 'send' // a `~>` segment leaving its sender (its arrow is drawn where it is delivered)
  | 'note' // a `note` statement
  | 'section' // the label of a section band
  | 'finding'; // errors and warnings of a line

export interface DiagramNote {
  /** Position among the drawn notes (the n-th `.note` of the SVG). */
  index: number;
  kind: NoteKind;
  /** 0-based source line (the endpoint's declaration for initial states). */
  line: number;
  /** `left`/`right` of one endpoint, or `over` one or both. */
  placement: 'left' | 'right' | 'over';
  endpoints: number[];
  /** Plain text lines (the renderer escapes each and joins them with line breaks). */
  text: string[];
  severity?: Severity;
  /** For send notes: the segment. */
  segment?: number;
  /** A `crash` action (2.5): the note marks where the endpoint lost its connection. */
  crash?: boolean;
}

export type DiagramItem =
  | { kind: 'message'; message: DiagramMessage }
  | { kind: 'note'; note: DiagramNote }
  /** A finding band (error or warning) around a message or note and its finding note. */
  | { kind: 'highlight'; severity: 'error' | 'warning'; items: DiagramItem[] }
  /** A section band: its label is the first note inside. */
  | { kind: 'section'; name: string; line: number; band: number; items: DiagramItem[] };

export interface DiagramModel {
  title?: string;
  participants: DiagramParticipant[];
  /** The drawing in order, as a tree of bands. */
  items: DiagramItem[];
  /** Every arrow in drawing order (the n-th arrow of the SVG is `messages[n]`). */
  messages: DiagramMessage[];
  /** Every note in drawing order (the n-th note of the SVG is `notes[n]`). */
  notes: DiagramNote[];
}
