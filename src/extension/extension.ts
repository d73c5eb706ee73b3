// Entry point: each feature registers itself.
import type * as vscode from 'vscode';
import { registerCapture } from './capture/register.ts';
import { registerExercises } from './exercise/register.ts';
import { registerValidationFeatures } from './language/validationFeatures.ts';
import { registerSyntaxFeatures } from './language/syntaxFeatures.ts';
import { registerPreview } from './preview/registerPreview.ts';
import { prepareLanguage } from './language/settings.ts';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await prepareLanguage(context); // the messages (the web bundle reads them from dist/web/l10n/)
  registerExercises(context);
  registerValidationFeatures(context);
  registerSyntaxFeatures(context);
  registerPreview(context);
  registerCapture(context);
}

export function deactivate(): void {}
