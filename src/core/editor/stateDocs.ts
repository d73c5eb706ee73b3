// What each TCP state means, in the words a textbook uses, with where RFC 9293 describes it.
// Used by hover, completion details and the status bar tooltip.
import type { TcpState } from '../syntax/syntax.ts';

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

export const STATE_DOCS: Readonly<Record<TcpState, StateDoc>> = {
  CLOSED: {
    state: 'CLOSED',
    summary: 'No connection at all: there is no TCB (a "fictional" state, RFC 9293 says).',
    waitsFor: 'Nothing. An active open sends a SYN (-> SYN_SENT); `listen` is a passive open (-> LISTEN). A segment arriving here is answered with RST.',
    entered: 'At the start, after LAST_ACK\'s FIN is acknowledged, after TIME_WAIT\'s 2MSL, or after a reset.',
    sections: ['3.3.2', '3.10.7.1'],
  },
  LISTEN: {
    state: 'LISTEN',
    summary: 'A server waiting for a connection request (a SYN) from any remote TCP.',
    waitsFor: 'A SYN: it records the peer\'s ISS (IRS), answers with SYN+ACK and goes to SYN_RECEIVED. A RST is ignored; anything with ACK is answered with RST.',
    entered: 'By a passive open (`endpoint NAME LISTEN` or `NAME listen`).',
    sections: ['3.3.2', '3.10.7.2'],
  },
  SYN_SENT: {
    state: 'SYN_SENT',
    summary: 'Has sent its SYN (active open) and waits for the matching SYN+ACK.',
    waitsFor: 'A SYN+ACK acknowledging its SYN (ack = ISS+1) -> ESTABLISHED, after it sends the final ACK of the three-way handshake. A bare SYN means both sides opened at once (simultaneous open) -> SYN_RECEIVED. A RST with an acceptable ACK means "connection refused" -> CLOSED.',
    entered: 'By sending a SYN from CLOSED (or LISTEN).',
    sections: ['3.3.2', '3.5', '3.10.7.3'],
  },
  SYN_RECEIVED: {
    state: 'SYN_RECEIVED',
    summary: 'Has received the peer\'s SYN and sent (or is about to send) its own SYN+ACK.',
    waitsFor: 'The ACK of its SYN (ack = ISS+1), which completes the handshake -> ESTABLISHED. A RST sends it back to LISTEN (when it came from there) or to CLOSED.',
    entered: 'By receiving a SYN in LISTEN, or in SYN_SENT (simultaneous open).',
    sections: ['3.3.2', '3.5', '3.10.7.4'],
  },
  ESTABLISHED: {
    state: 'ESTABLISHED',
    summary: 'An open connection: both sides know each other\'s sequence numbers and data flows both ways.',
    waitsFor: 'Data and ACKs. When the local application closes, it sends a FIN -> FIN_WAIT_1; when the peer\'s FIN arrives, it acknowledges it -> CLOSE_WAIT.',
    entered: 'When the three-way handshake completes (the SYN is acknowledged).',
    sections: ['3.3.2', '3.8'],
  },
  FIN_WAIT_1: {
    state: 'FIN_WAIT_1',
    summary: 'Its application has closed: it has sent its FIN and waits for the ACK of that FIN.',
    waitsFor: 'The ACK of its FIN -> FIN_WAIT_2. If the peer\'s FIN arrives first (both closed at once), it goes to CLOSING; a FIN that also acknowledges its FIN takes it straight to TIME_WAIT. It can still receive data.',
    entered: 'By sending a FIN from ESTABLISHED (or SYN_RECEIVED).',
    sections: ['3.3.2', '3.6', '3.10.4'],
  },
  FIN_WAIT_2: {
    state: 'FIN_WAIT_2',
    summary: 'Its FIN is acknowledged; it waits for the peer to close its half of the connection.',
    waitsFor: 'The peer\'s FIN -> TIME_WAIT (after acknowledging it). Meanwhile the connection is half-closed: the peer may still send data, which it receives and acknowledges.',
    entered: 'When the ACK of its FIN arrives in FIN_WAIT_1.',
    sections: ['3.3.2', '3.6', '3.6.1'],
  },
  CLOSE_WAIT: {
    state: 'CLOSE_WAIT',
    summary: 'The peer has closed (its FIN arrived and was acknowledged); it waits for the local application to close.',
    waitsFor: 'The local close: it sends its own FIN -> LAST_ACK. Until then it may still send data to the peer (half-closed connection).',
    entered: 'By receiving the peer\'s FIN in ESTABLISHED (or SYN_RECEIVED).',
    sections: ['3.3.2', '3.6', '3.6.1'],
  },
  CLOSING: {
    state: 'CLOSING',
    summary: 'Both sides closed at the same time: it has sent its FIN and received the peer\'s FIN, but its own FIN is not acknowledged yet.',
    waitsFor: 'The ACK of its FIN -> TIME_WAIT.',
    entered: 'By receiving the peer\'s FIN in FIN_WAIT_1 before its own FIN was acknowledged (simultaneous close).',
    sections: ['3.3.2', '3.6'],
  },
  LAST_ACK: {
    state: 'LAST_ACK',
    summary: 'It closed after the peer: its FIN is sent and it waits for the last ACK, the one of that FIN.',
    waitsFor: 'The ACK of its FIN -> CLOSED (the TCB is deleted). If that ACK is lost, it retransmits the FIN.',
    entered: 'By sending its FIN from CLOSE_WAIT.',
    sections: ['3.3.2', '3.6'],
  },
  TIME_WAIT: {
    state: 'TIME_WAIT',
    summary: 'Both FINs are sent and acknowledged; it waits 2 MSL (twice the maximum segment lifetime) before forgetting the connection.',
    waitsFor: 'The 2MSL timeout (`wait 2MSL`) -> CLOSED. The wait lets it resend the last ACK if that ACK was lost (the peer then retransmits its FIN), and lets old duplicate segments of this connection die out before the same pair of ports can be reused.',
    entered: 'By acknowledging the peer\'s FIN in FIN_WAIT_2, or when its FIN is acknowledged in CLOSING (or FIN_WAIT_1 with the peer\'s FIN).',
    sections: ['3.3.2', '3.6', '3.10.8', '3.4.2'],
  },
};

export function rfcLink(section: string): string { return `${RFC}#section-${section}`; }

/** The state's explanation as Markdown: summary, what it waits for, how it is entered, RFC sections as links. */
export function stateMarkdown(state: TcpState): string {
  const d = STATE_DOCS[state];
  const refs = d.sections.map((s) => `[§${s}](${rfcLink(s)})`).join(', ');
  return [
    `**${state}** — ${d.summary}`,
    '',
    `*Waits for:* ${d.waitsFor}`,
    '',
    `*Entered:* ${d.entered}`,
    '',
    `RFC 9293 ${refs}`,
  ].join('\n');
}

/** A short one-line description (for completion details and tooltips). */
export function stateSummary(state: TcpState): string { return STATE_DOCS[state].summary; }
