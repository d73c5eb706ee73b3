// Entry point: each feature registers itself.
import type * as vscode from 'vscode';
import { registerCapture } from './capture/register.ts';
import { registerExercises } from './exercise/register.ts';
import { registerValidationFeatures } from './language/validationFeatures.ts';
import { registerSyntaxFeatures } from './language/syntaxFeatures.ts';
import { registerPreview } from './preview/registerPreview.ts';

export function activate(context: vscode.ExtensionContext): void {
  registerExercises(context);
  registerValidationFeatures(context);
  registerSyntaxFeatures(context);
  registerPreview(context);
  registerCapture(context);
}

export function deactivate(): void {}
