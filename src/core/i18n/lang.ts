// Which language to speak: the `tcpseq.language` setting against VS Code's display language, and the
// CLI's locale variables. Pure: callers pass the setting, the display language or the environment.
import { LANGS, type Lang } from './types.ts';

/** The values of the `tcpseq.language` setting. */
export type LanguageSetting = 'auto' | Lang;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...LANGS];

/**
 * The catalog language for a language tag or locale name, or undefined when none fits.
 * Accepts BCP 47 tags as VS Code gives them (`zh-cn`, `zh-CN`, `zh-Hans`, `en-US`) and POSIX locale names
 * (`zh_CN.UTF-8`, `en_US.utf8@euro`). Every Chinese variant maps to 简体中文 (the only Chinese catalog);
 * `C` and `POSIX` are English.
 */
export function langOfTag(tag: string | undefined | null): Lang | undefined {
  if (!tag) return undefined;
  const base = tag.trim().replace(/[.@].*$/, '').toLowerCase().replace(/_/g, '-');
  if (!base) return undefined;
  if (base === 'c' || base === 'posix') return 'en';
  const exact = LANGS.find((l) => l === base);
  if (exact) return exact;
  // the nearest catalog: the same primary language (zh-tw, zh-Hans -> zh-cn; en-GB -> en)
  const primary = base.split('-')[0];
  return LANGS.find((l) => l.split('-')[0] === primary);
}

/**
 * The language tcpseq speaks: the setting when it names a language, else (`auto`, missing or unknown)
 * VS Code's display language when tcpseq has a catalog for it, else English.
 */
export function resolveLang(setting: unknown, displayLanguage: string | undefined): Lang {
  if (typeof setting === 'string' && setting.toLowerCase() !== 'auto') {
    const chosen = langOfTag(setting);
    if (chosen) return chosen;
  }
  return langOfTag(displayLanguage) ?? 'en';
}

/**
 * The language of a command line run from its environment, as POSIX orders the variables: the first
 * non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` decides (`zh_CN.UTF-8` -> zh-cn); English when it names a
 * language without a catalog, or when none is set.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return langOfTag(value) ?? 'en';
  }
  return 'en';
}
