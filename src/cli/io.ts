// What the CLI needs from the process, so commands can be tested without spawning one.
import type { Lang } from '../core/i18n/types.ts';

export interface CliIO {
  write(text: string): void;
  /** One line on stderr. */
  error(line: string): void;
  readStdin(): Promise<string>;
  /** stderr is a terminal (a summary line helps a person, not a pipe). */
  interactive: boolean;
  /** The locale variables (LC_ALL, LC_MESSAGES, LANG) that choose the language when --lang is not given. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The language chosen by a global --lang before the command name. */
  lang?: Lang;
}

export function processIO(): CliIO {
  return {
    write: (text) => { if (text) process.stdout.write(text); },
    error: (line) => { process.stderr.write(line + '\n'); },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    interactive: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}
