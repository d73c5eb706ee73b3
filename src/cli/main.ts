// The `tcpseq` command line: the same core as the extension.
import { version } from '../../package.json';
import { runCheck } from './check.ts';
import { processIO, type CliIO } from './io.ts';
import { runRender } from './render.ts';

const USAGE = `tcpseq ${version}: check and draw TCP segment sequences (.tcpseq files)

Usage:
  tcpseq check [--json] FILE...          validate files against the TCP state machine (RFC 9293)
  tcpseq render [--format mermaid|html] [-o OUT] FILE
                                         write the sequence diagram (Mermaid text or an offline HTML page)
  tcpseq --help | --version

check prints FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE per finding (or one JSON array with --json).
Exit status: 0 no errors, 1 errors found, 2 a file could not be read or the arguments are wrong.
Use - as FILE to read standard input.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check': return runCheck(rest, io);
    case 'render': return runRender(rest);
    case '-h': case '--help': case 'help': io.write(USAGE); return 0;
    case '-v': case '--version': io.write(`${version}\n`); return 0;
    case undefined: io.error('tcpseq: no command given (try `tcpseq check FILE` or `tcpseq --help`)'); return 2;
    default: io.error(`tcpseq: unknown command ${command} (commands: check, render; see tcpseq --help)`); return 2;
  }
}

// Set the exit code instead of calling process.exit(), so piped output is never cut short.
main(process.argv.slice(2), processIO()).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`tcpseq: internal error: ${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 2; },
);
