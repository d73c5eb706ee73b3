// Every catalog, by language. Each area of the product keeps its messages in its own pair of files
// (`catalog/AREA.en.ts`, `catalog/AREA.zh-cn.ts`); a unit test checks that both languages have the same
// ids and the same `{param}` placeholders. The extension bundles leave some of them out at build time
// (scripts/web-bundle.mjs: the CLI's area everywhere, the Chinese in the web bundle, which installs it
// from dist/web/l10n/zh-cn.json with `installCatalog` when it speaks Chinese).
import type { Catalog, Lang } from './types.ts';
import { captureEn } from './catalog/capture.en.ts';
import { captureZh } from './catalog/capture.zh-cn.ts';
import { cliEn } from './catalog/cli.en.ts';
import { cliZh } from './catalog/cli.zh-cn.ts';
import { diagnosticsEn } from './catalog/diagnostics.en.ts';
import { diagnosticsZh } from './catalog/diagnostics.zh-cn.ts';
import { diagramEn } from './catalog/diagram.en.ts';
import { diagramZh } from './catalog/diagram.zh-cn.ts';
import { editorEn } from './catalog/editor.en.ts';
import { editorZh } from './catalog/editor.zh-cn.ts';
import { editorOutlineEn } from './catalog/editor-outline.en.ts';
import { editorOutlineZh } from './catalog/editor-outline.zh-cn.ts';
import { exerciseEn } from './catalog/exercise.en.ts';
import { exerciseZh } from './catalog/exercise.zh-cn.ts';
import { extensionEn } from './catalog/extension.en.ts';
import { extensionZh } from './catalog/extension.zh-cn.ts';
import { parserEn } from './catalog/parser.en.ts';
import { parserZh } from './catalog/parser.zh-cn.ts';
import { statesEn } from './catalog/states.en.ts';
import { statesZh } from './catalog/states.zh-cn.ts';
import { webviewEn } from './catalog/webview.en.ts';
import { webviewZh } from './catalog/webview.zh-cn.ts';

/** Every English message. English has every id; a language may lack some (English is then shown). */
const en = { ...captureEn, ...cliEn, ...diagnosticsEn, ...diagramEn, ...editorEn, ...editorOutlineEn, ...exerciseEn, ...extensionEn, ...parserEn, ...statesEn, ...webviewEn };

/** Every message id. `Localizer.t` takes only these, so a mistyped id is a compile error. */
export type MessageId = keyof typeof en;

const catalogs: Record<Lang, Record<string, string>> = {
  en: { ...en },
  'zh-cn': { ...captureZh, ...cliZh, ...diagnosticsZh, ...diagramZh, ...editorZh, ...editorOutlineZh, ...exerciseZh, ...extensionZh, ...parserZh, ...statesZh, ...webviewZh },
};

/** The messages of each language this program has (all of them, unless a bundle left some out). */
export const CATALOGS: Readonly<Record<Lang, Catalog>> = catalogs;

/** Adds messages to a language's catalog (one a bundle left out and loads later); later entries win. */
export function installCatalog(lang: Lang, entries: Catalog): void {
  for (const [id, template] of Object.entries(entries)) if (typeof template === 'string') catalogs[lang][id] = template;
}

/** Whether `lang` has any message yet (false for a catalog the bundle left out, until it is installed). */
export function hasCatalog(lang: Lang): boolean {
  return Object.keys(catalogs[lang]).length > 0;
}
