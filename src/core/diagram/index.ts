// The diagram: model from an Analysis, and its Mermaid text.
export * from './types.ts';
export { buildDiagram, type BuildOptions } from './build.ts';
export { renderMermaid, BAND_COLOURS, HIGHLIGHT_COLOURS } from './mermaid.ts';
export { escapeText, escapeLabel, escapeHtml } from './escape.ts';
export { diagramTitle, messageKindText } from './labels.ts';

import type { Analysis } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { buildDiagram } from './build.ts';
import { renderMermaid } from './mermaid.ts';
import type { DiagramModel } from './types.ts';

/** The model and its Mermaid text in one call (what the preview, the CLI and the exports use). */
export function diagramOf(analysis: Analysis, text?: string, maxMessages?: number, lang: Lang = 'en'): { model: DiagramModel; mermaid: string } {
  const model = buildDiagram(analysis, { text, maxMessages, lang });
  return { model, mermaid: renderMermaid(model) };
}
