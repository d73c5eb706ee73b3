// Entry point: each feature registers itself.
import type * as vscode from 'vscode';
import { registerValidationFeatures } from './language/validationFeatures.ts';
import { registerSyntaxFeatures } from './language/syntaxFeatures.ts';
import { registerPreview } from './preview/registerPreview.ts';

export function activate(context: vscode.ExtensionContext): void {
  registerValidationFeatures(context);
  registerSyntaxFeatures(context);
  registerPreview(context);
}

export function deactivate(): void {}
