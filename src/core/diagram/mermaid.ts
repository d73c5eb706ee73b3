// Renders a diagram model as Mermaid `sequenceDiagram` text. Every text from the file goes through escape.ts.
import { escapeLabel, escapeText } from './escape.ts';
import type { DiagramItem, DiagramModel, DiagramNote, MessageKind } from './types.ts';

/** Mermaid arrows: solid for delivered, the lost arrow (a cross) for `-x`, open async arrows for `~>`. */
const ARROW: Record<MessageKind, string> = {
  'delivered': '->>',
  'lost': '-x',
  'late': '-)',
  'in-flight': '--)',
};
/**
 * An old duplicate (contract 2.3) is dashed whatever happens to it, so that it cannot be taken for a segment of
 * this connection (its label also says "old duplicate").
 */
const OLD_ARROW: Record<MessageKind, string> = {
  'delivered': '-->>',
  'lost': '--x',
  'late': '--)',
  'in-flight': '--)',
};

/** Band colours, translucent so that they read in light, dark and high-contrast themes. */
export const BAND_COLOURS = ['rgba(100, 149, 237, 0.10)', 'rgba(128, 128, 128, 0.10)'];
export const HIGHLIGHT_COLOURS = { error: 'rgba(229, 57, 53, 0.22)', warning: 'rgba(255, 179, 0, 0.22)' };

export function renderMermaid(model: DiagramModel): string {
  const out: string[] = ['sequenceDiagram'];
  if (model.title?.trim()) out.push(`  title ${escapeText(model.title)}`);
  for (const p of model.participants) out.push(`  participant ${p.id} as ${escapeLabel(p.label)}`);
  const ids = model.participants.map((p) => p.id);
  renderItems(model.items, ids, out, 1);
  return out.join('\n') + '\n';
}

function renderItems(items: DiagramItem[], ids: string[], out: string[], depth: number): void {
  const pad = '  '.repeat(depth);
  for (const item of items) {
    switch (item.kind) {
      case 'message': {
        const m = item.message;
        out.push(`${pad}${ids[m.from]}${(m.old ? OLD_ARROW : ARROW)[m.kind]}${ids[m.to]}: ${escapeText(m.label)}`);
        break;
      }
      case 'note': {
        const line = noteLine(item.note, ids);
        if (line) out.push(pad + line);
        break;
      }
      case 'highlight':
      case 'section': {
        if (!containsDrawing(item.items)) break; // Mermaid refuses an empty rect
        const colour = item.kind === 'highlight' ? HIGHLIGHT_COLOURS[item.severity] : BAND_COLOURS[item.band % BAND_COLOURS.length];
        out.push(`${pad}rect ${colour}`);
        renderItems(item.items, ids, out, depth + 1);
        out.push(`${pad}end`);
        break;
      }
    }
  }
}

function containsDrawing(items: DiagramItem[]): boolean {
  return items.some((i) => i.kind === 'message' || (i.kind === 'note' && i.note.endpoints.length > 0) ||
    ((i.kind === 'highlight' || i.kind === 'section') && containsDrawing(i.items)));
}

function noteLine(note: DiagramNote, ids: string[]): string | undefined {
  const who = note.endpoints.map((i) => ids[i]).filter(Boolean);
  if (!who.length) return undefined;
  const where = note.placement === 'over' ? `over ${who.join(',')}` : `${note.placement} of ${who[0]}`;
  return `note ${where}: ${note.text.map(escapeText).join('<br/>')}`;
}
