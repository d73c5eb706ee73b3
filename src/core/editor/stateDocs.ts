// What each TCP state means, in the words a textbook uses, with where RFC 9293 describes it.
// Used by hover, completion details and the status bar tooltip. The words live in the message catalog
// (`states.*`, English and 简体中文); the state names are printed as they are in every language.
import type { TcpState } from '../syntax/syntax.ts';
import { formatText, t } from '../i18n/format.ts';
import type { Lang } from '../i18n/types.ts';

export interface StateDoc {
  state: TcpState;
  /** One line: what the endpoint is doing in this state. */
  summary: string;
  /** What it is waiting for, and where it goes next. */
  waitsFor: string;
  /** How it got here. */
  entered: string;
  /** RFC 9293 sections that describe the state, most specific first (`3.10.7.2`). */
  sections: string[];
}

const RFC = 'https://www.rfc-editor.org/rfc/rfc9293';

/** RFC 9293 sections per state, most specific first. */
export const STATE_SECTIONS: Readonly<Record<TcpState, readonly string[]>> = {
  CLOSED: ['3.3.2', '3.10.7.1'],
  LISTEN: ['3.3.2', '3.10.7.2'],
  SYN_SENT: ['3.3.2', '3.5', '3.10.7.3'],
  SYN_RECEIVED: ['3.3.2', '3.5', '3.10.7.4'],
  ESTABLISHED: ['3.3.2', '3.8'],
  FIN_WAIT_1: ['3.3.2', '3.6', '3.10.4'],
  FIN_WAIT_2: ['3.3.2', '3.6', '3.6.1'],
  CLOSE_WAIT: ['3.3.2', '3.6', '3.6.1'],
  CLOSING: ['3.3.2', '3.6'],
  LAST_ACK: ['3.3.2', '3.6'],
  TIME_WAIT: ['3.3.2', '3.6', '3.10.8', '3.4.2'],
};

export const TCP_STATES = Object.keys(STATE_SECTIONS) as TcpState[];

/** A state's explanation in a language (English by default). */
export function stateDoc(state: TcpState, lang: Lang = 'en'): StateDoc {
  const part = (p: 'summary' | 'waitsFor' | 'entered') => formatText(lang, t(`states.${state}.${p}`));
  return { state, summary: part('summary'), waitsFor: part('waitsFor'), entered: part('entered'), sections: [...STATE_SECTIONS[state]] };
}

/** Every state's explanation in English (kept for callers that read the table). */
export const STATE_DOCS: Readonly<Record<TcpState, StateDoc>> = Object.fromEntries(
  TCP_STATES.map((s) => [s, stateDoc(s)]),
) as Record<TcpState, StateDoc>;

export function rfcLink(section: string): string { return `${RFC}#section-${section}`; }

/** The state's explanation as Markdown: summary, what it waits for, how it is entered, RFC sections as links. */
export function stateMarkdown(state: TcpState, lang: Lang = 'en'): string {
  const d = stateDoc(state, lang);
  const refs = d.sections.map((s) => `[§${s}](${rfcLink(s)})`).join(', ');
  const label = (id: string) => formatText(lang, t(id));
  return [
    formatText(lang, t('states.heading', { state, summary: d.summary })),
    '',
    `*${label('states.label.waitsFor')}* ${d.waitsFor}`,
    '',
    `*${label('states.label.entered')}* ${d.entered}`,
    '',
    `RFC 9293 ${refs}`,
  ].join('\n');
}

/** A short one-line description (for completion details and tooltips). */
export function stateSummary(state: TcpState, lang: Lang = 'en'): string { return formatText(lang, t(`states.${state}.summary`)); }
