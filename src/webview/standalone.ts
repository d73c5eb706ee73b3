// The script of the offline HTML page that `tcpseq render --format html` writes: Mermaid and the
// preview's decorations, reading the diagram from a JSON block in the page. No VS Code, no network.
import mermaid from 'mermaid';
import { localizer } from '../core/i18n/format.ts';
import { langOfTag } from '../core/i18n/lang.ts';
import type { Lang } from '../core/i18n/types.ts';
import { decorate, findingLine } from './decorate.ts';
import { diagramCss } from './palette.ts';
import type { MessageMeta, NoteMeta } from './protocol.ts';
import { mermaidConfig, type ThemeKind } from './theme.ts';

/** `lang`: the language of the page's words (the CLI's --lang); English when absent. */
interface PageData { mermaid: string; messages: MessageMeta[]; notes: NoteMeta[]; lang?: Lang }

async function main(): Promise<void> {
  const host = document.getElementById('diagram');
  const data = JSON.parse(document.getElementById('tcpseq-data')?.textContent ?? '{}') as PageData;
  if (!host || typeof data.mermaid !== 'string') return;
  const l = localizer(langOfTag(data.lang) ?? 'en');
  const theme: ThemeKind = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.body.dataset.theme = theme;
  mermaid.initialize(mermaidConfig(theme));
  try {
    const { svg } = await mermaid.render('tcpseq-diagram', data.mermaid);
    host.innerHTML = svg;
    const el = host.querySelector('svg');
    if (!el) return;
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = diagramCss(theme);
    el.insertBefore(style, el.firstChild);
    decorate(el, data.messages ?? [], data.notes ?? []);
    for (const t of el.querySelectorAll<SVGElement>('[data-message]')) {
      const m = data.messages[Number(t.dataset.message)];
      if (!m) continue;
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = [l.t('webview.tip.source', { line: m.line + 1, source: m.source ?? m.label }), ...m.findings.map((f) => findingLine(l, f))].join('\n');
      t.append(title);
    }
    document.body.dataset.rendered = 'true';
  } catch (e) {
    host.textContent = l.t('webview.drawFailed', { error: e instanceof Error ? e.message : String(e) });
    document.body.dataset.rendered = 'error';
  }
}

void main();
