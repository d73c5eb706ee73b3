// Compact syntax-tree nodes: each node is one object holding its columns as numbers; the `Range`
// properties of the syntax.ts interfaces are getters that build a fresh plain Range when asked.
// A 100,000-segment file would otherwise allocate millions of Range/Position objects it never reads.
// Note: getters live on the prototype, so spread or JSON.stringify of a node drops its ranges;
// read `node.range` (a plain object) before sending it anywhere.
import type { Expr, Field, FieldName, FlagName, FlagToken, NameRef, Range, StateRef, TcpState } from './syntax.ts';

export function rangeOf(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export class NameNode implements NameRef {
  constructor(readonly name: string, readonly line: number, readonly s: number, readonly e: number) {}
  get range(): Range { return rangeOf(this.line, this.s, this.e); }
}

export class StateNode implements StateRef {
  state?: TcpState;
  constructor(readonly text: string, readonly line: number, readonly s: number, readonly e: number) {}
  get range(): Range { return rangeOf(this.line, this.s, this.e); }
}

export class AssertionNode {
  /** An exercise blank (`=> client ?`): the state is to be filled in (contract 9). */
  blank?: boolean;
  constructor(readonly endpoint: NameNode, readonly state: StateNode) {}
  get range(): Range { return rangeOf(this.endpoint.line, this.endpoint.s, this.state.e); }
}

export class ExprNode implements Expr {
  symbol?: string;
  /** Columns of the symbol (−1 when there is none). */
  ss = -1;
  se = -1;
  constructor(private readonly lineText: string, readonly offset: number, readonly line: number, readonly s: number, readonly e: number) {}
  get text(): string { return this.lineText.slice(this.s, this.e); }
  get range(): Range { return rangeOf(this.line, this.s, this.e); }
  get symbolRange(): Range | undefined { return this.ss < 0 ? undefined : rangeOf(this.line, this.ss, this.se); }
}

export class FlagTokenNode implements FlagToken {
  constructor(readonly text: string, readonly flags: FlagName[], readonly known: boolean, readonly line: number, readonly s: number, readonly e: number) {}
  get range(): Range { return rangeOf(this.line, this.s, this.e); }
}

export class FieldNode implements Field {
  constructor(readonly name: FieldName, private readonly lineText: string, readonly line: number,
    readonly ns: number, readonly ne: number, readonly vs: number, readonly ve: number) {}
  get range(): Range { return rangeOf(this.line, this.ns, this.ve); }
  get nameRange(): Range { return rangeOf(this.line, this.ns, this.ne); }
  get valueRange(): Range { return rangeOf(this.line, this.vs, this.ve); }
  get valueText(): string { return this.lineText.slice(this.vs, this.ve); }
}
