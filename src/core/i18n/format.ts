// The pure formatter: message id + parameters -> text in a language. Used by every layer (core, CLI,
// extension host, webview), so the same words appear everywhere.
import { CATALOGS, type MessageId } from './catalogs.ts';
import type { Lang, ParamValue, Text } from './types.ts';

/** A message in the given language; English where a translation is missing; the id itself as a last resort. */
export function formatText(lang: Lang, text: Text): string {
  const template = CATALOGS[lang][text.id] ?? CATALOGS.en[text.id];
  if (template === undefined) return text.id;
  const params = text.params;
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : paramText(lang, v);
  });
}

function paramText(lang: Lang, v: ParamValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return (v as readonly Text[]).map((t) => formatText(lang, t)).join(lang === 'zh-cn' ? '' : ' ');
  return formatText(lang, v as Text);
}

/** Shorthand for building a Text. */
export function t(id: string, params?: Record<string, ParamValue>): Text { return params ? { id, params } : { id }; }

/** English, the language of `Diagnostic.message` and of the CLI's JSON unless another is asked for. */
export function en(text: Text): string { return formatText('en', text); }

/**
 * The messages of one language, for the code of an edge (extension host, webview, CLI) that has chosen
 * it once: `l.t('extension.statusBar.name')`, `l.format(diagnostic.text)`. Ids are checked by the compiler.
 */
export interface Localizer {
  readonly lang: Lang;
  /** A catalog message by id. */
  t(id: MessageId, params?: Record<string, ParamValue>): string;
  /** A message built elsewhere (a diagnostic's `text`). */
  format(text: Text): string;
}

export function localizer(lang: Lang): Localizer {
  return {
    lang,
    t: (id, params) => formatText(lang, params ? { id, params } : { id }),
    format: (text) => formatText(lang, text),
  };
}
