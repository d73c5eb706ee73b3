import type { Browser, Page } from 'playwright-core';
export const CHROMIUM: string;
export const ROOT: string;
export const MERMAID_JS: string;
export function launch(): Promise<Browser>;
export function mermaidPage(browser: Browser, theme?: string): Promise<Page>;
export interface RenderResult {
  ok: boolean; error?: string; role?: string; messages: string[]; messageLines: number; notes: number;
  noteTexts: string[]; noteGroups: string[]; actors: string[]; title: string | null; rects: number; scripts: number; html: number;
}
export function renderInPage(page: Page, text: string, id?: string): Promise<RenderResult>;
