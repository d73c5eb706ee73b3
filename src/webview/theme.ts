// Mermaid's look for VS Code's current theme (the body classes vscode-light / -dark / -high-contrast[-light]).
import type { MermaidConfig } from 'mermaid';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function currentTheme(body: HTMLElement = document.body): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

const FONT = '"trebuchet ms", verdana, arial, sans-serif';

function contrast(fg: string, bg: string, border: string): MermaidConfig['themeVariables'] {
  return {
    background: bg, fontFamily: FONT,
    primaryColor: bg, primaryTextColor: fg, primaryBorderColor: border,
    secondaryColor: bg, tertiaryColor: bg, lineColor: fg, textColor: fg,
    actorBkg: bg, actorBorder: border, actorTextColor: fg, actorLineColor: fg,
    signalColor: fg, signalTextColor: fg, labelBoxBkgColor: bg, labelBoxBorderColor: border, labelTextColor: fg,
    loopTextColor: fg, noteBkgColor: bg, noteBorderColor: border, noteTextColor: fg,
    sequenceNumberColor: bg,
  };
}

/** Mermaid configuration for a theme: strict security, no auto start, and the theme's colours. */
export function mermaidConfig(theme: ThemeKind): MermaidConfig {
  const base: MermaidConfig = {
    startOnLoad: false,
    securityLevel: 'strict',
    fontFamily: FONT,
    sequence: { useMaxWidth: false, showSequenceNumbers: false, mirrorActors: true, noteMargin: 8, messageMargin: 32 },
  };
  switch (theme) {
    case 'light': return { ...base, theme: 'default' };
    case 'dark': return { ...base, theme: 'dark' };
    case 'high-contrast': return { ...base, theme: 'base', themeVariables: contrast('#ffffff', '#000000', '#6fc3df') };
    case 'high-contrast-light': return { ...base, theme: 'base', themeVariables: contrast('#000000', '#ffffff', '#0f4a85') };
  }
}

/** Watches the body's classes; calls back when the theme kind changes. */
export function onThemeChange(callback: (theme: ThemeKind) => void): void {
  let last = currentTheme();
  new MutationObserver(() => {
    const now = currentTheme();
    if (now !== last) { last = now; callback(now); }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
