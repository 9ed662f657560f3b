import { Command, CommanderError, Option } from 'commander';
import { CoefficientDataError } from '../coefficients/load.js';
import { EncodingError, InputFileError } from '../io/csv.js';
import { OutputFileError } from '../io/output.js';
import { LANGS, langFromEnv, messages } from '../i18n/index.js';
import { ParameterError } from '../params/params.js';
import { coefficientsCommand } from './commands/coefficients.js';
import { compareCommand } from './commands/compare.js';
import { explainCommand } from './commands/explain.js';
import { farmCommand } from './commands/farm.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { validateCommand } from './commands/validate.js';
import { Context, type CliIo, type GlobalOptions } from './context.js';
import { DataFailure, EXIT, UsageError } from './errors.js';
import { VERSION } from './version.js';

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Runs landcap with the arguments after the program name; resolves to the exit code (CONTRACT.md):
 * 0 success, 1 the data failed, 2 usage or I/O error. It never calls process.exit and never throws.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let ctx: Context | undefined;
  const program = new Command('landcap')
    .description('Livestock manure land carrying capacity (畜禽粪污土地承载力) per township, by the national nitrogen/phosphorus method')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--lang <lang>', 'output language (default from LANG: zh* → zh, else en)').choices(LANGS))
    .option('--color', 'colour even when not writing to a terminal')
    .option('--no-color', 'no colour (NO_COLOR in the environment does the same)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const context = () => (ctx ??= new Context(io, program.opts<GlobalOptions>()));
  for (const cmd of [
    reportCommand(context),
    validateCommand(context),
    explainCommand(context),
    compareCommand(context),
    farmCommand(context),
    coefficientsCommand(context),
    initCommand(context),
  ]) {
    program.addCommand(
      cmd
        .exitOverride()
        .showHelpAfterError()
        .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }),
    );
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitCode(error, ctx ?? new Context(io, { lang: langFromEnvSafe(io) }), io);
  }
}

function langFromEnvSafe(io: CliIo) {
  return langFromEnv(io.env);
}

function exitCode(error: unknown, ctx: Context, io: CliIo): number {
  const c = ctx.chalkErr;
  const fail = (code: number, message: string) => {
    io.stderr.write(`${c.red(`landcap: ${message}`)}\n`);
    return code;
  };
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof DataFailure) {
    if (error.message) io.stderr.write(`${error.message}\n`);
    return EXIT.data;
  }
  if (error instanceof UsageError || error instanceof ParameterError) return fail(EXIT.usage, error.message);
  if (error instanceof InputFileError || error instanceof OutputFileError) return fail(EXIT.usage, error.message);
  if (error instanceof EncodingError) return fail(EXIT.data, error.message);
  const detail = error instanceof CoefficientDataError ? error.message : error instanceof Error ? error.message : String(error);
  io.stderr.write(`${c.red(`landcap: ${messages(ctx.lang).ui.internalError}: ${detail}`)}\n`);
  if (io.env.LANDCAP_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.bug;
}
