// Every catalog, by language. Each area of the product keeps its messages in its own pair of files
// (`catalog/AREA.en.ts`, `catalog/AREA.zh-cn.ts`); a unit test checks that both languages have the same
// ids and the same `{param}` placeholders.
import type { Catalog, Lang } from './types.ts';
import { diagnosticsEn } from './catalog/diagnostics.en.ts';
import { diagnosticsZh } from './catalog/diagnostics.zh-cn.ts';

export const CATALOGS: Readonly<Record<Lang, Catalog>> = {
  en: { ...diagnosticsEn },
  'zh-cn': { ...diagnosticsZh },
};
