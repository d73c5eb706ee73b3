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
/** One `NAME STATE` pair; `state.text` is `?` (and `state.state` undefined) for an exercise blank. */
export interface Assertion { endpoint: NameRef; state: StateRef; range: Range; blank?: boolean }

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
  /** The line does not run (contract 4.5.1): no receiver, the same name twice, no known flag, SYN with FIN or
   *  RST; the parser then reports only that first problem. Also true for a flags blank `?` (no finding). */
  unusable: boolean;
  /** `old` prefix (contract v2 2.3): an old duplicate from an earlier incarnation of the connection. */
  old: boolean;
  /** An unknown flag word stood among the flags (4.5.2): ACK-related findings are not reported. */
  unsureFlags: boolean;
  /** Exercise blanks on this line: `seq=?`, `ack=?`, `len=?`, `win=?`, flags `?` (contract 9). A blank
   *  field counts as left out; a flags blank leaves `flags` empty and the line does not run by itself. */
  blanks: BlankKind[];
}

/** What an exercise blank stands for (contract 9). */
export type BlankKind = 'seq' | 'ack' | 'len' | 'win' | 'flags' | 'state';

/** One `?` of an exercise, where it stands (the range of the `?` itself). `endpoint` names the endpoint of a
 *  state blank, and the sender of a segment's blanks (seq, ack, len, win, flags). */
export interface Blank { kind: BlankKind; line: number; range: Range; endpoint?: string }

export interface TitleStatement { kind: 'title'; line: number; range: Range; text: string }
export interface EndpointStatement {
  kind: 'endpoint'; line: number; range: Range;
  name: NameRef; initial?: StateRef; label?: string; labelRange?: Range;
  /** ESTABLISHED fields (contract v2 2.2): SND.NXT, RCV.NXT and the advertised window. Only read when
   *  `initial` is ESTABLISHED (on CLOSED or LISTEN the parser reports them as `syntax-error`). */
  snd?: Expr; rcv?: Expr; win?: number; winRange?: Range;
}
/** `exercise [practice|exam] ["TITLE"]` (contract 9). */
export interface ExerciseStatement { kind: 'exercise'; line: number; range: Range; mode: 'practice' | 'exam'; title?: string }
export interface ExpectStatement { kind: 'expect'; line: number; range: Range; assertions: Assertion[] }
export type ActionName = 'listen' | 'close' | 'wait' | 'crash';
export interface ActionStatement {
  kind: 'action'; line: number; range: Range;
  endpoint: NameRef; action: ActionName; actionRange: Range; assertions: Assertion[];
}
export interface DeliverStatement { kind: 'deliver'; line: number; range: Range; ids: NameRef[]; assertions: Assertion[] }
export interface SectionStatement { kind: 'section'; line: number; range: Range; name: string }
export interface NoteStatement { kind: 'note'; line: number; range: Range; endpoint?: NameRef; text: string }

export type Statement =
  | TitleStatement | EndpointStatement | SegmentStatement | ExpectStatement
  | ActionStatement | DeliverStatement | SectionStatement | NoteStatement | ExerciseStatement;

export interface ParsedDocument {
  statements: Statement[];
  /** Number of lines in the text (a final empty line counts). */
  lineCount: number;
  /** Length of each line in UTF-16 code units, without the line break. */
  lineLengths: number[];
  /** Exercise blanks (`?`) in file order (contract 9); empty for a file without blanks. */
  blanks: Blank[];
}
