// The syntax tree of a .tcpseq file. Every node carries its range in the document.
// Positions are 0-based; `character` counts UTF-16 code units (as VS Code and JS strings do).

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type TcpState =
  | 'CLOSED' | 'LISTEN' | 'SYN_SENT' | 'SYN_RECEIVED' | 'ESTABLISHED'
  | 'FIN_WAIT_1' | 'FIN_WAIT_2' | 'CLOSE_WAIT' | 'CLOSING' | 'LAST_ACK' | 'TIME_WAIT';

export type FlagName = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH' | 'URG' | 'ECE' | 'CWR';
export type Arrow = '->' | '-x' | '~>';
export type FieldName = 'seq' | 'ack' | 'len' | 'data' | 'win' | 'id';

/** A name as written, with where it stands. */
export interface NameRef { name: string; range: Range }

/** A state name as written; `state` is the canonical state, undefined when the name is unknown. */
export interface StateRef { text: string; state?: TcpState; range: Range }

/** One `NAME STATE` pair of an assertion (`=> client SYN_SENT`, `expect server LISTEN`). */
export interface Assertion { endpoint: NameRef; state: StateRef; range: Range }

/** A sequence expression: at most one symbol plus a constant, modulo 2^32. */
export interface Expr {
  text: string;
  symbol?: string;
  symbolRange?: Range;
  /** The constant part, already reduced modulo 2^32. */
  offset: number;
  range: Range;
}

/** One flag word as written (`SYN`, `S.`, `ACK`, `BOGUS`). */
export interface FlagToken { text: string; flags: FlagName[]; known: boolean; range: Range }

export interface Field { name: FieldName; range: Range; nameRange: Range; valueRange: Range; valueText: string }

export interface SegmentStatement {
  kind: 'segment';
  line: number;
  range: Range;
  src: NameRef;
  dst: NameRef;
  arrow: Arrow;
  arrowRange: Range;
  /** Known flags, in canonical order, without duplicates. */
  flags: FlagName[];
  flagTokens: FlagToken[];
  /** From the first flag to the last one (an empty range after the arrow when there are none). */
  flagsRange: Range;
  fields: Field[];
  seq?: Expr;
  ack?: Expr;
  /** Payload octets (from `len=` or the UTF-8 length of `data=`). */
  len: number;
  data?: string;
  win?: number;
  id?: NameRef;
  assertions: Assertion[];
  /** True when the line has an error that makes the segment's meaning unsure (no flag, SYN+FIN, ...). */
  unusable: boolean;
}

export interface TitleStatement { kind: 'title'; line: number; range: Range; text: string }
export interface EndpointStatement {
  kind: 'endpoint'; line: number; range: Range;
  name: NameRef; initial?: StateRef; label?: string; labelRange?: Range;
}
export interface ExpectStatement { kind: 'expect'; line: number; range: Range; assertions: Assertion[] }
export type ActionName = 'listen' | 'close' | 'wait';
export interface ActionStatement {
  kind: 'action'; line: number; range: Range;
  endpoint: NameRef; action: ActionName; actionRange: Range; assertions: Assertion[];
}
export interface DeliverStatement { kind: 'deliver'; line: number; range: Range; ids: NameRef[]; assertions: Assertion[] }
export interface SectionStatement { kind: 'section'; line: number; range: Range; name: string }
export interface NoteStatement { kind: 'note'; line: number; range: Range; endpoint?: NameRef; text: string }

export type Statement =
  | TitleStatement | EndpointStatement | SegmentStatement | ExpectStatement
  | ActionStatement | DeliverStatement | SectionStatement | NoteStatement;

export interface ParsedDocument {
  statements: Statement[];
  /** Number of lines in the text (a final empty line counts). */
  lineCount: number;
  /** Length of each line in UTF-16 code units, without the line break. */
  lineLengths: number[];
}
