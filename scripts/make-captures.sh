#!/usr/bin/env bash
# Makes the real-traffic capture fixtures in test/fixtures/captures/ (issue 11).
#
# Each scenario starts a Python server and client on this machine (127.0.0.1 or ::1) while tcpdump
# records the loopback interface, so the files hold what the Linux TCP stack really sent:
#   basic       handshake, data both ways, close (IPv4)            -> basic.pcap
#   ipv6        the same on ::1                                    -> ipv6.pcap
#   halfclose   client shuts down writing; server sends in CLOSE_WAIT -> halfclose.pcap
#   refused     connect to a closed port (RST)                     -> refused.pcap
#   abort       server closes with SO_LINGER 0 (RST)               -> abort.pcap
#   midstream   tcpdump starts after the connection is established -> midstream.pcap
#   bulk        300 kB upload into a small receive buffer (window scaling, SACK-permitted;
#               snapshot length 128, so payloads are cut and only headers kept) -> bulk.pcap
#   multi       three connections one after the other in one file  -> multi.pcap
#   reuse       the same client port twice (abort, then a new SYN on the same 4-tuple) -> reuse.pcap
#   any-sll2    basic on `-i any -y LINUX_SLL2` (every loopback packet seen twice) -> any-sll2.pcap
#   any-sll     basic on `-i any -y LINUX_SLL`                    -> any-sll.pcap
#   crossing    not on loopback: client and server in two network namespaces joined by a veth pair, the
#               server's side rate-limited (tbf 1 Mbit/s) so its answers queue; tcpdump on the client's
#               veth, i.e. a capture near the client: the client's data crosses the server's replies,
#               and segments are still in flight when the other end sends (needs `ip netns`, `tc`)
#                                                                  -> crossing.pcap
#   loss        the same namespaces, the client's side limited with a short queue (tbf limit 4 kB) that
#               drops segments of a 60 kB upload; tcpdump on the server's veth, i.e. near the receiver:
#               the lost segments never appear, SACK blocks and retransmissions do -> loss.pcap
# Give scenario names to make only those (bash scripts/make-captures.sh crossing); default: all.
# Then, for each: NAME.pcapng (editcap -F pcapng), NAME.txt (tcpdump -n -r: relative numbers),
# NAME.S.txt (tcpdump -n -S -r: absolute numbers); basic.tttt.txt (-tttt), basic.t.txt (-t, no time),
# basic.tt.txt (-tt), basic.v.txt (-v, two lines a packet), basic.e.txt (-e, link headers); nano.pcap is
# basic.pcap written again with nanosecond timestamps (tcpdump --time-stamp-precision=nano -w).
# Finally test/fixtures/captures/odd/ (hand-made bytes, see test/unit/capture-fixtures.ts).
#
# Needs root (tcpdump on lo), tcpdump and editcap: apt-get install -y tcpdump tshark
# Run from the repository root: bash scripts/make-captures.sh
set -euo pipefail
OUT=test/fixtures/captures
mkdir -p "$OUT"
command -v tcpdump >/dev/null || { echo "make-captures: tcpdump is not installed (apt-get install -y tcpdump)" >&2; exit 2; }
command -v editcap >/dev/null || { echo "make-captures: editcap is not installed (apt-get install -y tshark)" >&2; exit 2; }

SCENARIOS="${*:-all}"
if [[ "$SCENARIOS" == all || " $SCENARIOS " == *" crossing "* || " $SCENARIOS " == *" loss "* ]]; then
  # two namespaces and a veth pair; removed again on exit
  cleanup() { ip netns del tcpseqA 2>/dev/null || true; ip netns del tcpseqB 2>/dev/null || true; }
  trap cleanup EXIT
  cleanup
  ip netns add tcpseqA && ip netns add tcpseqB
  ip link add vA type veth peer name vB
  ip link set vA netns tcpseqA && ip link set vB netns tcpseqB
  ip -n tcpseqA addr add 10.77.0.1/24 dev vA && ip -n tcpseqB addr add 10.77.0.2/24 dev vB
  ip -n tcpseqA link set vA up && ip -n tcpseqB link set vB up
fi

OUT="$OUT" SCENARIOS="$SCENARIOS" python3 - <<'PY'
import os, signal, socket, struct, subprocess, sys, threading, time

OUT = os.environ['OUT']
SCENARIOS = os.environ['SCENARIOS'].split()
def wanted(name): return SCENARIOS == ['all'] or name in SCENARIOS
PAUSE = 0.05  # between steps, so delayed ACKs go out before the next step and the order is stable

def record(name, port, iface='lo', link=None, snaplen=262144, netns=None):
    cmd = (['ip', 'netns', 'exec', netns] if netns else []) + ['tcpdump', '--immediate-mode', '-i', iface, '-s', str(snaplen), '-U', '-w', f'{OUT}/{name}.pcap']
    if link: cmd += ['-y', link]
    cmd += [f'tcp port {port}']
    p = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    line = ''
    while 'listening' not in line:  # "listening on lo, link-type ..." once the capture runs
        line = p.stderr.readline()
        assert line, 'tcpdump did not start'
    time.sleep(0.2)
    return p

def stop(p):
    time.sleep(0.3)
    p.send_signal(signal.SIGINT); p.wait()

def server(family, addr, port, handler, rcvbuf=None, ready=None):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if rcvbuf: s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind((addr, port)); s.listen(8)
    def run():
        while True:
            try: c, _ = s.accept()
            except OSError: return
            handler(c)
    t = threading.Thread(target=run, daemon=True); t.start()
    return s

def read_all(c):
    data = b''
    while True:
        b = c.recv(65536)
        if not b: return data
        data += b

def echo_then_close(c):
    req = c.recv(1024)
    time.sleep(PAUSE)
    c.sendall(b'HTTP/1.0 200 OK\r\n\r\nhello ' + req[:5])
    read_all(c)          # until the client's FIN
    time.sleep(PAUSE)
    c.close()

def client_basic(family, addr, port, src_port=None):
    c = socket.socket(family, socket.SOCK_STREAM)
    if src_port:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.bind((addr, src_port))
    c.connect((addr, port)); time.sleep(PAUSE)
    c.sendall(b'GET / HTTP/1.0\r\n\r\n'); time.sleep(PAUSE)
    c.recv(1024); time.sleep(PAUSE)
    c.close(); time.sleep(4 * PAUSE)

def basic(name, family, addr, port, **rec):
    s = server(family, addr, port, echo_then_close)
    p = record(name, port, **rec)
    client_basic(family, addr, port)
    stop(p); s.close()

def halfclose():
    port = 40003
    def handler(c):
        req = read_all(c)    # the client's FIN: CLOSE_WAIT from here
        for i in range(3):
            c.sendall(b'part %d of the answer to %d octets\n' % (i, len(req))); time.sleep(PAUSE)
        c.close()
    s = server(socket.AF_INET, '127.0.0.1', port, handler)
    p = record('halfclose', port)
    c = socket.create_connection(('127.0.0.1', port)); time.sleep(PAUSE)
    c.sendall(b'question\n'); time.sleep(PAUSE)
    c.shutdown(socket.SHUT_WR)
    read_all(c); time.sleep(PAUSE); c.close()
    stop(p); s.close()

def refused():
    port = 40004
    p = record('refused', port)
    try: socket.create_connection(('127.0.0.1', port))
    except ConnectionRefusedError: pass
    stop(p)

def abort():
    port = 40005
    def handler(c):
        c.recv(1024); time.sleep(PAUSE)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        c.close()            # SO_LINGER 0: RST instead of FIN
    s = server(socket.AF_INET, '127.0.0.1', port, handler)
    p = record('abort', port)
    c = socket.create_connection(('127.0.0.1', port)); time.sleep(PAUSE)
    c.sendall(b'please abort\n'); time.sleep(4 * PAUSE)
    try: c.recv(1024)
    except ConnectionResetError: pass
    c.close()
    stop(p); s.close()

def midstream():
    port = 40006
    def handler(c):
        while True:
            b = c.recv(1024)
            if not b: break
            time.sleep(PAUSE); c.sendall(b'ok ' + b)
        time.sleep(PAUSE); c.close()
    s = server(socket.AF_INET, '127.0.0.1', port, handler)
    c = socket.create_connection(('127.0.0.1', port)); time.sleep(PAUSE)
    c.sendall(b'before the capture\n'); c.recv(1024); time.sleep(PAUSE)
    p = record('midstream', port)   # the handshake and the first exchange are not in the file
    for i in range(2):
        c.sendall(b'line %d\n' % i); c.recv(1024); time.sleep(PAUSE)
    c.close(); time.sleep(4 * PAUSE)
    stop(p); s.close()

def bulk():
    port = 40007
    def handler(c):
        total = 0
        while True:
            b = c.recv(8192)
            if not b: break
            total += len(b)
        c.sendall(b'got %d\n' % total); time.sleep(PAUSE); c.close()
    s = server(socket.AF_INET, '127.0.0.1', port, handler, rcvbuf=32768)
    p = record('bulk', port, snaplen=128)
    c = socket.create_connection(('127.0.0.1', port)); time.sleep(PAUSE)
    c.sendall(b'u' * 300000); c.shutdown(socket.SHUT_WR)
    read_all(c); time.sleep(PAUSE); c.close(); time.sleep(4 * PAUSE)
    stop(p); s.close()

def multi():
    port = 40008
    s = server(socket.AF_INET, '127.0.0.1', port, echo_then_close)
    p = record('multi', port)
    for i in range(3): client_basic(socket.AF_INET, '127.0.0.1', port)
    stop(p); s.close()

def reuse():
    port = 40009
    def handler(c):
        b = c.recv(1024)
        if b.startswith(b'abort'):
            time.sleep(PAUSE)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); c.close(); return
        echo_then_close_rest(c, b)
    def echo_then_close_rest(c, req):
        time.sleep(PAUSE); c.sendall(b'ok ' + req[:5]); read_all(c); time.sleep(PAUSE); c.close()
    s = server(socket.AF_INET, '127.0.0.1', port, handler)
    p = record('reuse', port)
    c = socket.socket(); c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); c.bind(('127.0.0.1', 40109))
    c.connect(('127.0.0.1', port)); time.sleep(PAUSE); c.sendall(b'abort me\n'); time.sleep(4 * PAUSE)
    try: c.recv(10)
    except ConnectionResetError: pass
    c.close(); time.sleep(PAUSE)
    client_basic(socket.AF_INET, '127.0.0.1', port, src_port=40109)
    stop(p); s.close()

CROSSING_CLIENT = '''
import socket, time
c = socket.create_connection(("10.77.0.2", 40020))
for i in range(40): c.sendall(b"d" * 1000); time.sleep(0.0002)
c.shutdown(socket.SHUT_WR)
while c.recv(65536): pass
c.close()
'''
CROSSING_SERVER = '''
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.77.0.2", 40020)); s.listen(1)
c, _ = s.accept()
total = 0
while True:
    b = c.recv(65536)
    if not b: break
    total += len(b)
    if total < 20000: c.sendall(b"r" * 700)   # replies that cross the client's data
c.sendall(b"got %d\\n" % total); c.close()
'''

def qdisc(ns, dev, *spec):
    subprocess.run(['ip', 'netns', 'exec', ns, 'tc', 'qdisc', *spec[:1], 'dev', dev, 'root', *spec[1:]], check=True)

LOSS_SERVER = '''
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.77.0.2", 40021)); s.listen(1)
c, _ = s.accept(); n = 0
while True:
    b = c.recv(65536)
    if not b: break
    n += len(b)
c.sendall(b"got %d\\n" % n); c.close()
'''
LOSS_CLIENT = '''
import socket
c = socket.create_connection(("10.77.0.2", 40021))
c.sendall(b"u" * 60000); c.shutdown(socket.SHUT_WR)
while c.recv(65536): pass
c.close()
'''

def loss():
    qdisc('tcpseqA', 'vA', 'add', 'tbf', 'rate', '2mbit', 'burst', '3kb', 'limit', '4kb')
    p = record('loss', 40021, iface='vB', snaplen=128, netns='tcpseqB')
    server = subprocess.Popen(['ip', 'netns', 'exec', 'tcpseqB', sys.executable, '-c', LOSS_SERVER])
    time.sleep(0.5)
    subprocess.run(['ip', 'netns', 'exec', 'tcpseqA', sys.executable, '-c', LOSS_CLIENT], check=True)
    server.wait()
    stop(p)
    qdisc('tcpseqA', 'vA', 'del')

def crossing():
    qdisc('tcpseqB', 'vB', 'add', 'tbf', 'rate', '1mbit', 'burst', '2kb', 'latency', '200ms')
    p = record('crossing', 40020, iface='vA', snaplen=128, netns='tcpseqA')
    server = subprocess.Popen(['ip', 'netns', 'exec', 'tcpseqB', sys.executable, '-c', CROSSING_SERVER])
    time.sleep(0.5)
    subprocess.run(['ip', 'netns', 'exec', 'tcpseqA', sys.executable, '-c', CROSSING_CLIENT], check=True)
    server.wait()
    stop(p)
    qdisc('tcpseqB', 'vB', 'del')

if wanted('basic'): basic('basic', socket.AF_INET, '127.0.0.1', 40001)
if wanted('ipv6'): basic('ipv6', socket.AF_INET6, '::1', 40002)
for name, make in [('halfclose', halfclose), ('refused', refused), ('abort', abort), ('midstream', midstream), ('bulk', bulk), ('multi', multi), ('reuse', reuse), ('crossing', crossing), ('loss', loss)]:
    if wanted(name): make()
if wanted('any-sll2'): basic('any-sll2', socket.AF_INET, '127.0.0.1', 40010, iface='any', link='LINUX_SLL2')
if wanted('any-sll'): basic('any-sll', socket.AF_INET, '127.0.0.1', 40011, iface='any', link='LINUX_SLL')
PY

for f in "$OUT"/*.pcap; do
  n="${f%.pcap}"
  case "$n" in *nano) continue;; esac
  [[ "$SCENARIOS" == all || " $SCENARIOS " == *" $(basename "$n") "* ]] || continue
  editcap -F pcapng "$f" "$n.pcapng"
  tcpdump -n -r "$f" > "$n.txt" 2>/dev/null
  tcpdump -n -S -r "$f" > "$n.S.txt" 2>/dev/null
done
 if [[ "$SCENARIOS" == all || " $SCENARIOS " == *" basic "* ]]; then
tcpdump -n -tttt -r "$OUT/basic.pcap" > "$OUT/basic.tttt.txt" 2>/dev/null
tcpdump -n -t -r "$OUT/basic.pcap" > "$OUT/basic.t.txt" 2>/dev/null
tcpdump -n -tt -r "$OUT/basic.pcap" > "$OUT/basic.tt.txt" 2>/dev/null
tcpdump -n -v -r "$OUT/basic.pcap" > "$OUT/basic.v.txt" 2>/dev/null
tcpdump -n -e -r "$OUT/basic.pcap" > "$OUT/basic.e.txt" 2>/dev/null
# the odd formats this machine cannot record (big-endian, VLAN, IPv6 extension headers, ...): made by code
node --import tsx test/unit/capture-fixtures.ts --write
tcpdump -r "$OUT/basic.pcap" --time-stamp-precision=nano -w "$OUT/nano.pcap" 2>/dev/null
fi
ls -l "$OUT"
