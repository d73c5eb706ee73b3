// Generates .tcpseq files of N segments: whole connections (handshake, data with some loss and a
// retransmission, teardown) one after the other between the same two endpoints, with concrete numbers.
// With `slipEvery: k`, about one segment in k carries a slip, alternately a seq one too high on a data
// segment and an ack one too high on the ACK of data: each is a `wrong-seq` or `wrong-ack` that the
// checker reads both ways over the next 20 event lines (contract 4.4) and keeps as meant.

export interface GeneratedEvent { from: string; to: string; arrow: string; flags: string[]; seq: number; ack?: number; len: number }

export interface GenerateOptions {
  /** Put a slip on about one segment in this many (the next data segment or ACK of data after it). */
  slipEvery?: number;
}

export interface Generated { text: string; events: GeneratedEvent[]; slips: number }

export function generate(segments: number, options: GenerateOptions = {}): Generated {
  const lines = ['title Generated benchmark', 'endpoint client as "Client"', 'endpoint server LISTEN as "Server"'];
  const events: GeneratedEvent[] = [];
  const slipEvery = options.slipEvery;
  let slips = 0;
  let sinceSlip = 0;
  /** Whether the next candidate segment gets a slip (counts segments since the last one). */
  const slipNow = (): boolean => {
    if (slipEvery === undefined || sinceSlip < slipEvery) return false;
    sinceSlip = 0;
    slips++;
    return true;
  };
  let conn = 0;
  const emit = (from: string, arrow: string, to: string, flags: string[], seq: number, ack: number | undefined, len: number, extra = '') => {
    const fields = `seq=${seq >>> 0}${ack === undefined ? '' : ` ack=${ack >>> 0}`}${len ? ` len=${len}` : ''}`;
    lines.push(`${from} ${arrow} ${to}: ${flags.join('+')} ${fields}${extra}`);
    events.push({ from, to, arrow, flags, seq: seq >>> 0, ack: ack === undefined ? undefined : ack >>> 0, len });
    sinceSlip++;
  };
  while (events.length < segments) {
    conn++;
    const c = (conn * 7919 * 1000) >>> 0;
    const s = (conn * 104729 * 1000) >>> 0;
    lines.push(`== Connection ${conn} ==`);
    emit('client', '->', 'server', ['SYN'], c, undefined, 0, '  => client SYN_SENT, server SYN_RECEIVED');
    emit('server', '->', 'client', ['SYN', 'ACK'], s, c + 1, 0);
    emit('client', '->', 'server', ['ACK'], c + 1, s + 1, 0, '  => server ESTABLISHED');
    let cn = c + 1;
    for (let k = 0; k < 6; k++) {
      if (k === 2) {
        emit('client', '-x', 'server', ['PSH', 'ACK'], cn, s + 1, 100);
        emit('client', '->', 'server', ['PSH', 'ACK'], cn, s + 1, 100, ' # retransmission');
      } else {
        // a slip on the data: its seq one too high (wrong-seq)
        const seqSlip = slips % 2 === 0 && slipNow() ? 1 : 0;
        emit('client', '->', 'server', ['PSH', 'ACK'], cn + seqSlip, s + 1, 100, seqSlip ? ' # slip: seq' : '');
      }
      cn += 100;
      // a slip on the ACK of the data: its ack one too high (wrong-ack)
      const ackSlip = slips % 2 === 1 && slipNow() ? 1 : 0;
      emit('server', '->', 'client', ['ACK'], s + 1, cn + ackSlip, 0, ackSlip ? ' # slip: ack' : '');
    }
    emit('client', '->', 'server', ['FIN', 'ACK'], cn, s + 1, 0, '  => client FIN_WAIT_1, server CLOSE_WAIT');
    emit('server', '->', 'client', ['ACK'], s + 1, cn + 1, 0);
    emit('server', '->', 'client', ['FIN', 'ACK'], s + 1, cn + 1, 0, '  => server LAST_ACK, client TIME_WAIT');
    emit('client', '->', 'server', ['ACK'], cn + 1, s + 2, 0, '  => server CLOSED');
    lines.push('client wait 2MSL', 'server listen');
  }
  return { text: lines.join('\n') + '\n', events, slips };
}
