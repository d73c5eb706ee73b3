// The extension's settings (contributes.configuration "TCP Sequence").
import * as vscode from 'vscode';

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
}

export function readSettings(scope?: vscode.ConfigurationScope): ValidationSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const debounce = Number(c.get('validation.debounceMs', 200));
  return {
    enabled: c.get<boolean>('validation.enabled', true) !== false,
    debounceMs: Number.isFinite(debounce) ? Math.min(5000, Math.max(0, debounce)) : 200,
    inlayHints: c.get<boolean>('inlayHints.enabled', true) !== false,
    statusBar: c.get<boolean>('statusBar.enabled', true) !== false,
  };
}

/** Calls `listener` when any of this extension's settings changes. */
export function onSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(SECTION)) listener(); });
}
