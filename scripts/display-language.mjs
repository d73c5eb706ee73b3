// Gives a code-server profile a display language without downloading a language pack (verified recipe:
// /work/shared/recipes/web-and-zh, section B). code-server switches the language only when
// USER_DATA/languagepacks.json names a pack for the locale whose core translation file exists: an empty
// translation is enough. The workbench chrome stays English; vscode.env.language, package.nls.<locale>.json
// and vscode.l10n follow the locale. The locale itself comes from USER_DATA/User/argv.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `locale` (e.g. `zh-cn`) the display language of the profile made by scripts/code-server.mjs. */
export function useDisplayLanguage(profile, locale) {
  const translation = join(profile.dir, `main.i18n.${locale}.json`);
  writeFileSync(translation, '{"contents":{}}');
  writeFileSync(join(profile.userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `tcpseq-test-${locale}`,
      label: locale,
      // must not be empty (with [] the workbench loads no extension at all); the pack need not be installed
      extensions: [{ extensionIdentifier: { id: `tcpseq-test.language-pack-${locale}` }, version: '0.0.1' }],
      translations: { vscode: translation },
    },
  }));
  writeFileSync(join(profile.userData, 'User', 'argv.json'), JSON.stringify({ locale }));
}
