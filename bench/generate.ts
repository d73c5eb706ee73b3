// Generates .tcpseq files of N segments: whole connections (handshake, data with some loss and a
// retransmission, teardown) one after the other between the same two endpoints, with concrete numbers.

export interface GeneratedEvent { from: string; to: string; arrow: string; flags: string[]; seq: number; ack?: number; len: number }

export function generate(segments: number): { text: string; events: GeneratedEvent[] } {
  const lines = ['title Generated benchmark', 'endpoint client as "Client"', 'endpoint server LISTEN as "Server"'];
  const events: GeneratedEvent[] = [];
  let conn = 0;
  const emit = (from: string, arrow: string, to: string, flags: string[], seq: number, ack: number | undefined, len: number, extra = '') => {
    const fields = `seq=${seq >>> 0}${ack === undefined ? '' : ` ack=${ack >>> 0}`}${len ? ` len=${len}` : ''}`;
    lines.push(`${from} ${arrow} ${to}: ${flags.join('+')} ${fields}${extra}`);
    events.push({ from, to, arrow, flags, seq: seq >>> 0, ack: ack === undefined ? undefined : ack >>> 0, len });
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
        emit('client', '->', 'server', ['PSH', 'ACK'], cn, s + 1, 100);
      }
      cn += 100;
      emit('server', '->', 'client', ['ACK'], s + 1, cn, 0);
    }
    emit('client', '->', 'server', ['FIN', 'ACK'], cn, s + 1, 0, '  => client FIN_WAIT_1, server CLOSE_WAIT');
    emit('server', '->', 'client', ['ACK'], s + 1, cn + 1, 0);
    emit('server', '->', 'client', ['FIN', 'ACK'], s + 1, cn + 1, 0, '  => server LAST_ACK, client TIME_WAIT');
    emit('client', '->', 'server', ['ACK'], cn + 1, s + 2, 0, '  => server CLOSED');
    lines.push('client wait 2MSL', 'server listen');
  }
  return { text: lines.join('\n') + '\n', events };
}
