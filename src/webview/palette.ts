// The diagram's own colours for what Mermaid cannot colour by itself (state notes, findings, sections).
// Written into the SVG as a <style>, so the exported SVG and PNG look like the preview.
import type { ThemeKind } from './theme.ts';

interface Palette {
  error: string; warning: string;
  stateFill: string; stateStroke: string; stateText: string;
  errorFill: string; errorText: string; warningFill: string; warningText: string;
  muted: string; background: string;
}

const PALETTES: Record<ThemeKind, Palette> = {
  'light': {
    error: '#c62828', warning: '#a35f00', stateFill: '#e3f2fd', stateStroke: '#1e88e5', stateText: '#0d47a1',
    errorFill: '#ffebee', errorText: '#b71c1c', warningFill: '#fff8e1', warningText: '#6d4500', muted: '#666666', background: '#ffffff',
  },
  'dark': {
    error: '#f48771', warning: '#e2c08d', stateFill: '#0d2a45', stateStroke: '#3794ff', stateText: '#9cdcfe',
    errorFill: '#3a1d1d', errorText: '#f8b4a8', warningFill: '#352c12', warningText: '#e6d38a', muted: '#a0a0a0', background: '#1e1e1e',
  },
  'high-contrast': {
    error: '#f48771', warning: '#ffd700', stateFill: '#000000', stateStroke: '#6fc3df', stateText: '#ffffff',
    errorFill: '#000000', errorText: '#f48771', warningFill: '#000000', warningText: '#ffd700', muted: '#ffffff', background: '#000000',
  },
  'high-contrast-light': {
    error: '#b5200d', warning: '#895503', stateFill: '#ffffff', stateStroke: '#0f4a85', stateText: '#0f4a85',
    errorFill: '#ffffff', errorText: '#b5200d', warningFill: '#ffffff', warningText: '#895503', muted: '#000000', background: '#ffffff',
  },
};

export function backgroundOf(theme: ThemeKind): string { return PALETTES[theme].background; }

export function diagramCss(theme: ThemeKind): string {
  const p = PALETTES[theme];
  const hc = theme.startsWith('high-contrast');
  return `
.tcpseq-message.tcpseq-error.messageText { fill: ${p.error} !important; font-weight: 700 !important; }
.tcpseq-message.tcpseq-warning.messageText { fill: ${p.warning} !important; }
.tcpseq-message.tcpseq-error:is(.messageLine0, .messageLine1) { stroke: ${p.error} !important; stroke-width: 3px !important; }
.tcpseq-message.tcpseq-warning:is(.messageLine0, .messageLine1) { stroke: ${p.warning} !important; stroke-dasharray: 6 3; }
.tcpseq-lost.messageText, .tcpseq-in-flight.messageText { font-style: italic; }
.tcpseq-note-state rect.note, .tcpseq-note-initial-state rect.note { fill: ${p.stateFill} !important; stroke: ${p.stateStroke} !important; stroke-width: ${hc ? 2 : 1.5}px; rx: 10px; }
.tcpseq-note-state text, .tcpseq-note-state tspan, .tcpseq-note-initial-state text, .tcpseq-note-initial-state tspan { fill: ${p.stateText} !important; font-weight: 700 !important; font-size: 14px !important; }
.tcpseq-note-initial-state rect.note { stroke-dasharray: 4 3; }
.tcpseq-note-send rect.note, .tcpseq-note-action rect.note { fill: none !important; stroke: ${p.muted} !important; stroke-dasharray: 3 3; }
.tcpseq-note-send text, .tcpseq-note-send tspan, .tcpseq-note-action text, .tcpseq-note-action tspan { fill: ${p.muted} !important; font-style: italic; font-size: 14px !important; }
.tcpseq-note-section rect.note { fill: none !important; stroke: none !important; }
.tcpseq-note-section text, .tcpseq-note-section tspan { font-weight: 700 !important; letter-spacing: 0.02em; }
.tcpseq-note-finding.tcpseq-error rect.note { fill: ${p.errorFill} !important; stroke: ${p.error} !important; stroke-width: 2px; }
.tcpseq-note-finding.tcpseq-error text, .tcpseq-note-finding.tcpseq-error tspan { fill: ${p.errorText} !important; font-size: 13px !important; }
.tcpseq-note-finding.tcpseq-warning rect.note { fill: ${p.warningFill} !important; stroke: ${p.warning} !important; }
.tcpseq-note-finding.tcpseq-warning text, .tcpseq-note-finding.tcpseq-warning tspan { fill: ${p.warningText} !important; font-size: 13px !important; }
.tcpseq-hit { stroke: transparent; stroke-width: 14px; pointer-events: stroke; }
`;
}
