// Messages as data: the core never builds user-visible sentences itself; it produces a message id and
// its parameters, and `formatText` turns them into words in the language it is given. A parameter may be
// another message (a reason clause, "what TCP would do"), formatted in the same language.

export type Lang = 'en' | 'zh-cn';
export const LANGS: readonly Lang[] = ['en', 'zh-cn'];
/** Each language's BCP 47 tag, as HTML's `lang` attribute wants it. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { en: 'en', 'zh-cn': 'zh-CN' };

export type ParamValue = string | number | Text | readonly Text[];
export interface Text { readonly id: string; readonly params?: Readonly<Record<string, ParamValue>> }

/** A catalog: message id -> template with `{param}` placeholders. */
export type Catalog = Readonly<Record<string, string>>;
