import { Command, CommanderError, Option } from 'commander';
import { FileError, ParameterError, bounded, ioReason, visible, visibleLines } from '../app/present.js';
import { VERSION } from '../app/version.js';
import type { Messages } from '../i18n/en.js';
import { LANGS, langFromEnv, messages, type Lang } from '../i18n/index.js';
import { coefficientsCommand } from './commands/coefficients.js';
import { compareCommand } from './commands/compare.js';
import { explainCommand } from './commands/explain.js';
import { farmCommand } from './commands/farm.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { transferCommand } from './commands/transfer.js';
import { validateCommand } from './commands/validate.js';
import { Context, colourLevels, type CliIo, type GlobalOptions } from './context.js';
import { DataFailure, EXIT, UsageError } from './errors.js';

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The language asked for on the command line (--lang zh, --lang=zh), to word the help before parsing. */
function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  return undefined;
}

/** Commander's own help words (titles, "choices", "default") in the user's language. */
function localise(cmd: Command, t: Messages, io: CliIo): Command {
  return cmd
    .exitOverride()
    .helpOption('-h, --help', t.help.helpOption)
    .configureHelp({
      styleTitle: (title) => t.help.titles[title] ?? title,
      styleUsage: (usage) => usage.replace(/\[[a-z.]+\]/g, (word) => t.help.usageWords[word] ?? word),
      styleSubcommandTerm: (term) => term.replace(/\[[a-z.]+\]/g, (word) => t.help.usageWords[word] ?? word),
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(t.ui.label(t.help.choices, option.argChoices.join(t.ui.listSeparator)));
        if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(t.ui.label(t.help.default, String(option.defaultValue)));
        return extra.length > 0 ? `${option.description}${t.ui.paren(extra.join(t.ui.clauseSeparator))}` : option.description;
      },
    })
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's error messages are worded again in the user's language where landcap knows them (commanderMessage).
      outputError: () => {},
    });
}

/**
 * Runs landcap with the arguments after the program name; resolves to the exit code (docs/cli.md):
 * 0 success, 1 the data failed, 2 usage or I/O error. It never calls process.exit and never throws.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const t = messages(langFromArgv(argv) ?? langFromEnv(io.env));
  // chalk loads only when some output will be coloured.
  const flag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
  const levels = colourLevels(io, flag);
  const chalk = levels.stdout > 0 || levels.stderr > 0 ? await import('chalk') : undefined;
  let ctx: Context | undefined;
  const program = localise(new Command('landcap'), t, io)
    .description(t.help.program)
    .version(VERSION, '-V, --version', t.help.version)
    .helpCommand('help [command]', t.help.helpCommand)
    .addOption(new Option('--lang <lang>', t.help.lang).choices(LANGS))
    .option('--color', t.help.color)
    .option('--no-color', t.help.noColor);
  const context = () => (ctx ??= new Context(io, program.opts<GlobalOptions>(), chalk));
  // Only the command that runs is built with all its options; the others need just their names and purposes.
  const wanted = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang');
  const commands = {
    report: reportCommand,
    validate: validateCommand,
    explain: explainCommand,
    compare: compareCommand,
    transfer: transferCommand,
    farm: farmCommand,
    coefficients: coefficientsCommand,
    init: initCommand,
  };
  const buildAll = wanted === undefined || !(wanted in commands);
  for (const [name, make] of Object.entries(commands)) {
    const cmd = buildAll || name === wanted ? make(context, t) : new Command(name).description(t.help.commands[name as keyof typeof commands]);
    program.addCommand(localise(cmd, t, io));
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitCode(error, ctx ?? new Context(io, { lang: t === messages('zh') ? 'zh' : 'en', color: flag }, chalk), io);
  }
}

function exitCode(error: unknown, ctx: Context, io: CliIo): number {
  const c = ctx.chalkErr;
  const fail = (code: number, message: string) => {
    io.stderr.write(`${c.red(`${ctx.t.ui.errorLead}${visibleLines(message)}`)}\n`);
    return code;
  };
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' || error.exitCode === 0)
      return EXIT.ok;
    io.stderr.write(`${c.red(visibleLines(commanderMessage(error, ctx.t)))}\n${ctx.t.help.moreHelp}\n`);
    return EXIT.usage;
  }
  if (error instanceof DataFailure) {
    if (error.message) io.stderr.write(`${error.message}\n`);
    return EXIT.data;
  }
  const t = ctx.t;
  if (error instanceof UsageError) return fail(EXIT.usage, error.message);
  if (error instanceof ParameterError) return fail(EXIT.usage, `${error.where}: ${t.ui.paramErrors[error.code](error.args)}`);
  // A file that could not be read or written (input or --output).
  if (error instanceof FileError) return fail(EXIT.usage, t.ui.fileReason(error.path, t.ui.io[error.reason](error.detail)));
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${c.red(`landcap: ${messages(ctx.lang).ui.internalError}: ${visible(bounded(detail, 300))}`)}\n`);
  if (io.env.LANDCAP_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.bug;
}

/**
 * Standard output or error failed to take what was written (a full disk, `> /dev/full`, a closed terminal): the
 * message, in the user's language, goes to stderr when stderr is not what failed; resolves to exit code 2. A reader
 * that stops early (`landcap report | head`, EPIPE) is not a failure: nothing is said, and the run's code stands.
 */
export function streamFailed(error: NodeJS.ErrnoException, stream: 'stdout' | 'stderr', argv: readonly string[], env = process.env): number | undefined {
  if (error.code === 'EPIPE') return undefined;
  const t = messages(langFromArgv(argv) ?? langFromEnv(env));
  if (stream === 'stdout') {
    const reason = ioReason(error);
    try {
      process.stderr.write(`landcap: ${t.ui.stdoutFailed(reason === 'other' ? t.ui.io.other(error.message) : t.ui.io[reason](''))}\n`);
    } catch {
      // stderr is gone too: the exit code says it.
    }
  }
  return EXIT.usage;
}

/** A commander error in the user's language: its English message, or landcap's words for the common ones. */
export function commanderMessage(error: CommanderError, t: Messages): string {
  const text = error.message.replace(/^error: /, '');
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const words = t.ui.commander[error.code.replace('commander.', '')];
  return `${t.ui.errorPrefix}${words ? words(quoted, text) : text}`;
}
