// English explanations of the TCP states (hovers, completion details, the status bar), in the words a
// textbook uses. The state names themselves are never translated.
export const statesEn = {
  'states.label.waitsFor': 'Waits for:',
  'states.label.entered': 'Entered:',
  'states.heading': '**{state}** — {summary}',

  'states.CLOSED.summary': 'No connection at all: there is no TCB (a "fictional" state, RFC 9293 says).',
  'states.CLOSED.waitsFor': 'Nothing. An active open sends a SYN (-> SYN_SENT); `listen` is a passive open (-> LISTEN). A segment arriving here is answered with RST.',
  'states.CLOSED.entered': 'At the start, after LAST_ACK\'s FIN is acknowledged, after TIME_WAIT\'s 2MSL, or after a reset.',

  'states.LISTEN.summary': 'A server waiting for a connection request (a SYN) from any remote TCP.',
  'states.LISTEN.waitsFor': 'A SYN: it records the peer\'s ISS (IRS), answers with SYN+ACK and goes to SYN_RECEIVED. A RST is ignored; anything with ACK is answered with RST.',
  'states.LISTEN.entered': 'By a passive open (`endpoint NAME LISTEN` or `NAME listen`).',

  'states.SYN_SENT.summary': 'Has sent its SYN (active open) and waits for the matching SYN+ACK.',
  'states.SYN_SENT.waitsFor': 'A SYN+ACK acknowledging its SYN (ack = ISS+1) -> ESTABLISHED, after it sends the final ACK of the three-way handshake. A bare SYN means both sides opened at once (simultaneous open) -> SYN_RECEIVED. A RST with an acceptable ACK means "connection refused" -> CLOSED.',
  'states.SYN_SENT.entered': 'By sending a SYN from CLOSED (or LISTEN).',

  'states.SYN_RECEIVED.summary': 'Has received the peer\'s SYN and sent (or is about to send) its own SYN+ACK.',
  'states.SYN_RECEIVED.waitsFor': 'The ACK of its SYN (ack = ISS+1), which completes the handshake -> ESTABLISHED. A RST sends it back to LISTEN (when it came from there) or to CLOSED.',
  'states.SYN_RECEIVED.entered': 'By receiving a SYN in LISTEN, or in SYN_SENT (simultaneous open).',

  'states.ESTABLISHED.summary': 'An open connection: both sides know each other\'s sequence numbers and data flows both ways.',
  'states.ESTABLISHED.waitsFor': 'Data and ACKs. When the local application closes, it sends a FIN -> FIN_WAIT_1; when the peer\'s FIN arrives, it acknowledges it -> CLOSE_WAIT.',
  'states.ESTABLISHED.entered': 'When the three-way handshake completes (the SYN is acknowledged).',

  'states.FIN_WAIT_1.summary': 'Its application has closed: it has sent its FIN and waits for the ACK of that FIN.',
  'states.FIN_WAIT_1.waitsFor': 'The ACK of its FIN -> FIN_WAIT_2. If the peer\'s FIN arrives first (both closed at once), it goes to CLOSING; a FIN that also acknowledges its FIN takes it straight to TIME_WAIT. It can still receive data.',
  'states.FIN_WAIT_1.entered': 'By sending a FIN from ESTABLISHED (or SYN_RECEIVED).',

  'states.FIN_WAIT_2.summary': 'Its FIN is acknowledged; it waits for the peer to close its half of the connection.',
  'states.FIN_WAIT_2.waitsFor': 'The peer\'s FIN -> TIME_WAIT (after acknowledging it). Meanwhile the connection is half-closed: the peer may still send data, which it receives and acknowledges.',
  'states.FIN_WAIT_2.entered': 'When the ACK of its FIN arrives in FIN_WAIT_1.',

  'states.CLOSE_WAIT.summary': 'The peer has closed (its FIN arrived and was acknowledged); it waits for the local application to close.',
  'states.CLOSE_WAIT.waitsFor': 'The local close: it sends its own FIN -> LAST_ACK. Until then it may still send data to the peer (half-closed connection).',
  'states.CLOSE_WAIT.entered': 'By receiving the peer\'s FIN in ESTABLISHED (or SYN_RECEIVED).',

  'states.CLOSING.summary': 'Both sides closed at the same time: it has sent its FIN and received the peer\'s FIN, but its own FIN is not acknowledged yet.',
  'states.CLOSING.waitsFor': 'The ACK of its FIN -> TIME_WAIT.',
  'states.CLOSING.entered': 'By receiving the peer\'s FIN in FIN_WAIT_1 before its own FIN was acknowledged (simultaneous close).',

  'states.LAST_ACK.summary': 'It closed after the peer: its FIN is sent and it waits for the last ACK, the one of that FIN.',
  'states.LAST_ACK.waitsFor': 'The ACK of its FIN -> CLOSED (the TCB is deleted). If that ACK is lost, it retransmits the FIN.',
  'states.LAST_ACK.entered': 'By sending its FIN from CLOSE_WAIT.',

  'states.TIME_WAIT.summary': 'Both FINs are sent and acknowledged; it waits 2 MSL (twice the maximum segment lifetime) before forgetting the connection.',
  'states.TIME_WAIT.waitsFor': 'The 2MSL timeout (`wait 2MSL`) -> CLOSED. The wait lets it resend the last ACK if that ACK was lost (the peer then retransmits its FIN), and lets old duplicate segments of this connection die out before the same pair of ports can be reused.',
  'states.TIME_WAIT.entered': 'By acknowledging the peer\'s FIN in FIN_WAIT_2, or when its FIN is acknowledged in CLOSING (or FIN_WAIT_1 with the peer\'s FIN).',
} as const satisfies Record<string, string>;
