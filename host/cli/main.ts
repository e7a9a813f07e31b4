/**
 * Parses the command line (node:util parseArgs), dispatches to a verb, and turns outcomes into
 * exit codes: 0 ok, 1 bad input (a readable message on stderr), 2 usage (the usage text).
 */
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api.ts';
import { VERBS } from './verbs.ts';
import { EXIT, UsageError, type Io, type Verb } from './verb.ts';

const STDIO: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

/** The general usage text. */
export function usage(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return [
    'Usage: marginalia <verb> [options]      (or: npm run cli -- <verb> [options])',
    '',
    'Verbs:',
    ...VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    '',
    'Run `marginalia <verb> --help` for a verb\'s options.',
  ].join('\n');
}

function verbUsage(v: Verb): string {
  return `Usage: marginalia ${v.usage}`;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io = STDIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const verb = VERBS.find((v) => v.name === name);
  if (!verb) {
    io.err(`Unknown verb "${name}".\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: verb.options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (parsed.values.help) { io.out(verbUsage(verb)); return EXIT.ok; }
    if (!verb.positionals && parsed.positionals.length) throw new UsageError(`Unexpected argument "${parsed.positionals[0]}".`);
    return await verb.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${verbUsage(verb)}`);
      return EXIT.usage;
    }
    if (err instanceof ApiError) {
      io.err(err.message);
      return EXIT.input;
    }
    io.err(`marginalia ${verb.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.input;
  }
}
