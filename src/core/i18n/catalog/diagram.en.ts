// English words of the diagram (Mermaid text, preview, exports): the fixed words around what the file says.
export const diagramEn = {
  'diagram.untitled': 'TCP segment sequence',
  'diagram.sends': 'sends {id} ({flags}) ⇢',
  'diagram.neverDelivered': '(never delivered)',
  'diagram.oldDuplicate': 'old duplicate',
  'diagram.crash': 'crash: the connection is forgotten',
  'diagram.unnamedSection': '(section)',
  'diagram.noFlags': '(no flags)',
  'diagram.truncated': 'The preview draws the first {drawn} segments; the {rest} others from line {line} on are checked but not drawn.',
  'diagram.kind.delivered': 'delivered',
  'diagram.kind.lost': 'lost',
  'diagram.kind.late': 'in flight, delivered later',
  'diagram.kind.inFlight': 'in flight, never delivered',
  'diagram.kind.old': 'old duplicate from an earlier connection',
} as const satisfies Record<string, string>;
