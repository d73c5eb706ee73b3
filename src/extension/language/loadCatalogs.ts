// The messages the web bundle does not carry. dist/web/extension.js holds no catalog (it would be half of it):
// the build writes each language's messages to dist/web/l10n/LANG.json (scripts/web-bundle.mjs), and they are
// installed from there, English (the fallback of every message) and the language tcpseq speaks, before the first
// message is made: at activation and, after a change of tcpseq.language, before anything is relabelled.
// The desktop bundle carries every catalog, so nothing is read there.
import * as vscode from 'vscode';
import { hasCatalog, installCatalog } from '../../core/i18n/catalogs.ts';
import type { Catalog, Lang } from '../../core/i18n/types.ts';

/** Where the build writes the catalogs, relative to the extension's folder. */
export const L10N_DIR = 'dist/web/l10n';

let extensionUri: vscode.Uri | undefined;
const loading = new Map<Lang, Promise<void>>();

/** Remembers where the extension is and installs the catalogs `lang` needs (English and `lang`). */
export function prepareCatalogs(context: vscode.ExtensionContext, lang: Lang): Promise<void> {
  extensionUri = context.extensionUri;
  return catalogsReady(lang);
}

/**
 * Resolves when English and `lang` have their messages: at once when they are bundled or installed, else
 * after reading them (once per language). A catalog that cannot be read is reported on the console and
 * left out: its messages then fall back to English, or to their ids.
 */
export function catalogsReady(lang: Lang): Promise<void> {
  const langs: Lang[] = lang === 'en' ? ['en'] : ['en', lang];
  return Promise.all(langs.map(loadCatalog)).then(() => undefined);
}

function loadCatalog(lang: Lang): Promise<void> {
  if (hasCatalog(lang) || !extensionUri) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    const uri = vscode.Uri.joinPath(extensionUri, L10N_DIR, `${lang}.json`);
    pending = readCatalog(uri).then(
      (entries) => installCatalog(lang, entries),
      (e: unknown) => {
        loading.delete(lang); // tried again at the next change of language
        console.error(`tcpseq: cannot read the ${lang} messages from ${uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/**
 * A catalog file: fetched when the extension is served over http(s) (VS Code for the Web: the way the host
 * fetches the bundle itself, without a round trip through the workbench), else, or when that fails, read
 * through vscode.workspace.fs.
 */
async function readCatalog(uri: vscode.Uri): Promise<Catalog> {
  if (/^https?$/.test(uri.scheme) && typeof fetch === 'function') {
    try {
      const response = await fetch(uri.toString(true));
      if (response.ok) return parseCatalog(new Uint8Array(await response.arrayBuffer()));
    } catch {
      // read through workspace.fs below
    }
  }
  return parseCatalog(await vscode.workspace.fs.readFile(uri));
}

function parseCatalog(bytes: Uint8Array): Catalog {
  const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object of messages');
  return parsed as Catalog;
}
