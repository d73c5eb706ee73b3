// Who the two endpoints are (contract 2.2): declared, or the first two names used in segment lines.
import type { EndpointInfo } from '../analysis.ts';
import type { Finding } from '../diagnostics.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { NameRef, Statement } from '../syntax/syntax.ts';

export interface EndpointTable {
  endpoints: EndpointInfo[];
  /** Index of a name, or −1. */
  indexOf(name: string): number;
  declaredMode: boolean;
}

export function resolveEndpoints(statements: Statement[], report: (f: Finding) => void): EndpointTable {
  const endpoints: EndpointInfo[] = [];
  const byName = new Map<string, number>();
  const declarations = statements.filter((s) => s.kind === 'endpoint');
  const declaredMode = declarations.length > 0;
  if (declaredMode) {
    for (const d of declarations) {
      const name = d.name.name;
      if (byName.has(name)) {
        report({ code: 'duplicate-endpoint', range: d.name.range, message: `endpoint ${name} is already declared on line ${endpoints[byName.get(name)!].range.start.line + 1}`, params: { endpoint: name }, related: [{ range: endpoints[byName.get(name)!].range, message: `${name} is declared here` }] });
        continue;
      }
      if (endpoints.length === 2) {
        report({ code: 'too-many-endpoints', range: d.name.range, message: `a file describes one connection between two endpoints; ${name} would be a third (${endpoints.map((e) => e.name).join(', ')} are declared)`, params: { endpoint: name } });
        continue;
      }
      const initial = d.initial?.state === 'LISTEN' ? 'LISTEN' : 'CLOSED';
      byName.set(name, endpoints.length);
      endpoints.push({ name, label: d.label ?? name, initial, range: d.name.range, declared: true });
    }
  } else {
    implicitEndpoints(statements, endpoints, byName, report);
  }
  return { endpoints, declaredMode, indexOf: (name) => byName.get(name) ?? -1 };
}

function implicitEndpoints(statements: Statement[], endpoints: EndpointInfo[], byName: Map<string, number>, report: (f: Finding) => void): void {
  const listenFirst = new Set<string>();
  let sawSegment = false;
  const use = (name: string, at: () => NameRef) => {
    if (!name || byName.has(name)) return;
    const ref = at();
    if (endpoints.length === 2) {
      report({ code: 'too-many-endpoints', range: ref.range, message: `a file describes one connection between two endpoints; ${ref.name} would be a third (${endpoints.map((e) => e.name).join(', ')} are in use)`, params: { endpoint: ref.name } });
      return;
    }
    byName.set(ref.name, endpoints.length);
    endpoints.push({ name: ref.name, label: ref.name, initial: 'CLOSED', range: ref.range, declared: false });
  };
  for (const s of statements) {
    if (s.kind === 'action' && s.action === 'listen' && !sawSegment) listenFirst.add(s.endpoint.name);
    if (s.kind !== 'segment') continue;
    const node = s as SegmentNode;
    use(node.srcName, () => s.src);
    use(node.dstName, () => s.dst);
    if (!sawSegment) {
      sawSegment = true;
      const other = endpoints[1];
      if (other && !listenFirst.has(other.name)) other.initial = 'LISTEN';
    }
  }
}
