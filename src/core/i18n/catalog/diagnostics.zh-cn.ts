// 简体中文: messages of the parser and the validator. Terms follow l10n/GLOSSARY.md.
import type { diagnosticsEn } from './diagnostics.en.ts';

export const diagnosticsZh: Partial<Record<keyof typeof diagnosticsEn, string>> = {
  raw: '{message}',
};
