// The extension's settings (contributes.configuration "TCP Sequence").
import * as vscode from 'vscode';
import { localizer, type Localizer } from '../../core/i18n/format.ts';
import { resolveLang } from '../../core/i18n/lang.ts';
import type { Lang } from '../../core/i18n/types.ts';
import { catalogsReady, prepareCatalogs } from './loadCatalogs.ts';

export const SECTION = 'tcpseq';

export interface ValidationSettings {
  /** tcpseq.validation.enabled */
  enabled: boolean;
  /** tcpseq.validation.debounceMs: delay between the last change and the new diagnostics. */
  debounceMs: number;
  /** tcpseq.inlayHints.enabled */
  inlayHints: boolean;
  /** tcpseq.statusBar.enabled */
  statusBar: boolean;
  /** The language tcpseq speaks: tcpseq.language, `auto` following VS Code's display language. */
  lang: Lang;
}

export function readSettings(scope?: vscode.ConfigurationScope): ValidationSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const debounce = Number(c.get('validation.debounceMs', 200));
  return {
    enabled: c.get<boolean>('validation.enabled', true) !== false,
    debounceMs: Number.isFinite(debounce) ? Math.min(5000, Math.max(0, debounce)) : 200,
    inlayHints: c.get<boolean>('inlayHints.enabled', true) !== false,
    statusBar: c.get<boolean>('statusBar.enabled', true) !== false,
    lang: resolveLang(c.get('language', 'auto'), vscode.env.language),
  };
}

/**
 * Calls `listener` when any of this extension's settings changes, once the messages of the language tcpseq
 * speaks then are installed (the web bundle reads them from a file), so that what it relabels is in that language.
 */
export function onSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(SECTION)) void catalogsReady(currentLang()).then(listener); });
}

/** Calls `listener` when tcpseq.language changes, once the messages of the new language are installed. */
export function onLanguageChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(`${SECTION}.language`)) void catalogsReady(currentLang()).then(listener); });
}

/** Installs the messages of the language tcpseq speaks (at activation, before any feature makes a message). */
export function prepareLanguage(context: vscode.ExtensionContext): Promise<void> {
  return prepareCatalogs(context, currentLang());
}

/**
 * The language tcpseq speaks now (setting `tcpseq.language`: auto | en | zh-cn). Chosen here, not by
 * vscode.l10n, which follows only VS Code's display language: a student without the Chinese language pack
 * can still choose Chinese for tcpseq alone.
 */
export function currentLang(scope?: vscode.ConfigurationScope): Lang {
  return resolveLang(vscode.workspace.getConfiguration(SECTION, scope).get('language', 'auto'), vscode.env.language);
}

/** The messages in the language tcpseq speaks now. */
export function currentLocalizer(scope?: vscode.ConfigurationScope): Localizer {
  return localizer(currentLang(scope));
}
