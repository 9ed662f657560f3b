import type { ChalkInstance } from 'chalk';
import {
  UsageError,
  isStdout,
  plain,
  refuseOutputOverInput,
  render,
  utf8Chunks,
  visible,
  writeFileAtomic,
  type NamedInput,
  type Problem,
  type Progress,
  type RenderContext,
} from '../app/present.js';
import type { Documents } from '../app/vocabulary.js';
import type { ResolvedRun } from '../app/run.js';
import { runRequest, type InputOptions, type OutputOptions } from './options.js';
import { formatProblem, langFromEnv, messages, type Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';

export interface Stream {
  /** False when the text is queued rather than handed to the system (a pipe that is full): wait for 'drain'. */
  write(text: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width. */
  readonly columns?: number;
}

/** What the CLI touches of its process, so that tests can run it in-process (relative paths are read from process.cwd()). */
export interface CliIo {
  readonly stdout: Stream;
  readonly stderr: Stream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface GlobalOptions {
  readonly lang?: Lang;
  /** commander's --no-color / --color: false, true, or undefined when neither is given. */
  readonly color?: boolean;
}

/** chalk's colours, loaded only when some output is coloured. */
export type ChalkModule = typeof import('chalk');

/** The colour levels of stdout and stderr for a run, known before any command loads. */
export function colourLevels(io: CliIo, flag: boolean | undefined): { stdout: ColourLevel; stderr: ColourLevel } {
  return { stdout: colourLevel(io.stdout, io.env, flag), stderr: colourLevel(io.stderr, io.env, flag) };
}

/** The run's language, colours and the streams to write to. */
export class Context {
  readonly lang: Lang;
  readonly t: Messages;
  /** Colours for stdout (none when it is not a terminal, NO_COLOR is set or --no-color is given). */
  readonly chalk: ChalkInstance;
  readonly chalkErr: ChalkInstance;

  constructor(
    readonly io: CliIo,
    options: GlobalOptions,
    chalk?: ChalkModule,
  ) {
    this.lang = options.lang ?? langFromEnv(io.env);
    this.t = messages(this.lang);
    const levels = colourLevels(io, options.color);
    this.chalk = chalk && levels.stdout > 0 ? new chalk.Chalk({ level: levels.stdout }) : plain;
    this.chalkErr = chalk && levels.stderr > 0 ? new chalk.Chalk({ level: levels.stderr }) : plain;
  }

  /** The terminal's width when stdout is one; undefined when it is a pipe or file (no limit). */
  get width(): number | undefined {
    return this.io.stdout.isTTY ? (this.io.stdout.columns ?? 80) : undefined;
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  err(text: string): void {
    this.io.stderr.write(text);
  }

  /**
   * The output of a command: to stdout, or to `--output FILE` atomically. `-` and /dev/stdout mean stdout (a pipe or
   * socket there cannot be reopened). A CSV file gets a byte-order mark, so that Excel reads its Chinese as UTF-8.
   * Text in parts is written as it is made, as UTF-8 up to a megabyte at a time.
   */
  async emit(output: string | undefined, text: string | Iterable<string> | Uint8Array, csv = false): Promise<void> {
    if (output === '') throw new UsageError(this.t.ui.usage.emptyOutput);
    if (text instanceof Uint8Array) {
      if (isStdout(output)) throw new UsageError(this.t.ui.xlsx.requiresOutput);
      await writeFileAtomic(output!, text);
    } else if (isStdout(output)) {
      if (typeof text === 'string') this.out(text);
      else {
        // Chunk by chunk, each once the pipe has taken the one before: a national report is not queued whole in memory.
        // The process's own stdout holds no chunk once nothing is queued (a file or pipe is written synchronously).
        const { stdout } = this.io;
        const written = () => stdout === process.stdout && process.stdout.writableLength === 0;
        for (const chunk of utf8Chunks(text, undefined, written))
          if (stdout.write(chunk) === false && stdout.once) await new Promise((drained) => stdout.once!('drain', () => drained(undefined)));
      }
    } else {
      const marked = csv ? withByteOrderMark(text) : text;
      // writeFile writes each chunk before it asks for the next.
      await writeFileAtomic(output!, typeof marked === 'string' ? marked : utf8Chunks(marked, undefined, () => true));
    }
  }

  /**
   * Checks `--output` before the run reads anything: a file name (not empty), one given for a workbook, and not one of
   * the run's inputs (by name, link or hard link), which the report would replace.
   */
  async checkOutput(output: string | undefined, inputs: readonly (NamedInput | undefined)[], format?: string): Promise<void> {
    if (output === '') throw new UsageError(this.t.ui.usage.emptyOutput);
    if (format === 'xlsx' && isStdout(output)) throw new UsageError(this.t.ui.xlsx.requiresOutput);
    await refuseOutputOverInput(output, inputs);
  }

  /**
   * Renders a document in the chosen format — coloured for a terminal, fitted to its width — and writes it to stdout
   * or to `output` (a CSV file with a byte-order mark).
   */
  async write<K extends keyof Documents>(
    kind: K,
    format: string,
    doc: Documents[K],
    output: string | undefined,
    extra: Partial<RenderContext> = {},
  ): Promise<void> {
    const text = await render(kind, format, doc, { lang: this.lang, t: this.t, chalk: this.chalk, width: this.width, ...extra });
    await this.emit(output, text, format === 'csv');
  }

  private progressShown = false;

  /**
   * A progress line on stderr while long inputs are read — only when stderr is a terminal, so nothing of it reaches
   * pipes, files or CI logs — shown after the first 300 ms, redrawn at most ten times a second.
   */
  progress(): Progress | undefined {
    if (!this.io.stderr.isTTY) return undefined;
    const start = Date.now();
    let last = 0;
    return (file, done, total) => {
      const now = Date.now();
      if (now - start < 300 || now - last < 100) return;
      last = now;
      this.progressShown = true;
      this.err(`\r${visible(this.t.ui.progress(file, Math.min(100, Math.floor((done * 100) / total))))}\u001b[K`);
    };
  }

  /** Clears the progress line, if one is shown. */
  endProgress(): void {
    if (!this.progressShown) return;
    this.progressShown = false;
    this.err('\r\u001b[K');
  }

  /** Prints problems to stderr, one `FILE:LINE:COLUMN: severity CODE message` line each. */
  printProblems(problems: readonly Problem[], limit = Infinity): void {
    let shown = 0;
    let folded = 0;
    for (const p of problems) {
      if (shown >= limit) break;
      if (this.printProblem(p)) shown++;
      else folded++;
    }
    this.endProblems();
    if (problems.length > shown + folded) this.err(`${this.t.ui.moreProblems(problems.length - shown - folded)}\n`);
  }

  /** Problems printed, by file and message: the same message again (a local crop's uptake in 45 rows) is counted, not printed. */
  private readonly printed = new Map<string, { readonly first: Problem; more: number; readonly lines: number[] }>();

  /**
   * Prints a problem on stderr, or — when the same message was printed for the same file — counts it, to be said once
   * with its lines by endProblems. Returns whether it was printed.
   */
  printProblem(p: Problem): boolean {
    this.endProgress();
    const line = formatProblem(p, this.t);
    const key = `${p.file}\u0000${p.code}\u0000${line.slice(line.indexOf(` ${p.code} `))}`;
    const seen = this.printed.get(key);
    if (seen) {
      seen.more++;
      if (seen.lines.length < 10) seen.lines.push(p.line);
      return false;
    }
    // Warnings of one kind about one file, each of another name (a province's map with its neighbours' townships): the
    // first WARNINGS_OF_A_KIND, then their number. Errors are each printed: each is to be put right.
    const kind = `${p.file}\u0000${p.code}`;
    const ofKind = (this.ofKind.get(kind) ?? 0) + 1;
    this.ofKind.set(kind, ofKind);
    if (p.severity === 'warning' && ofKind > WARNINGS_OF_A_KIND) {
      this.beyond.set(kind, { first: p, more: (this.beyond.get(kind)?.more ?? 0) + 1 });
      return false;
    }
    this.printed.set(key, { first: p, more: 0, lines: [] });
    const c = this.chalkErr;
    this.err(`${p.severity === 'error' ? c.red(line) : c.yellow(line)}\n`);
    return true;
  }

  /** Says, for each message printed once and found again, how many more times and on which lines. */
  endProblems(): void {
    const c = this.chalkErr;
    for (const { first, more, lines } of this.printed.values()) {
      if (more === 0) continue;
      const text = visible(`${first.file}: ${this.t.ui.repeated(more, first.code, first.line, lines, more > lines.length)}`);
      this.err(`${first.severity === 'error' ? c.red(text) : c.yellow(text)}\n`);
    }
    for (const { first, more } of this.beyond.values())
      this.err(`${c.yellow(visible(`${first.file}: ${this.t.ui.moreOfCode(more, first.code, WARNINGS_OF_A_KIND)}`))}\n`);
    this.printed.clear();
    this.beyond.clear();
    this.ofKind.clear();
  }

  /** Problems printed of each file and code, and the warnings of a kind beyond those printed. */
  private readonly ofKind = new Map<string, number>();
  private readonly beyond = new Map<string, { readonly first: Problem; more: number }>();

  /** "2 error(s), 1 warning(s)": the line a run that the data failed ends with. */
  failureSummary(problems: readonly Problem[]): string {
    const errors = problems.filter((p) => p.severity === 'error').length;
    return this.t.ui.errorsSummary(errors, problems.filter((p) => p.severity === 'warning').length);
  }

  /** Notes the changes of a scenario that matched no row of the data. */
  printUnmatched(file: string, where: readonly string[]): void {
    for (const w of where) this.err(`${this.chalkErr.yellow(visible(`${file}: ${this.t.ui.scenarioUnmatched(w)}`))}\n`);
  }

  /**
   * A dataset command's start: its files and parameters resolved (the bundled sample said when it runs for want of
   * files), and its --output checked before anything is read.
   */
  async startRun(opts: InputOptions & OutputOptions & Record<string, unknown>): Promise<ResolvedRun> {
    const { resolveRun } = await import('../app/run.js');
    const run = await resolveRun(runRequest(opts), this.t);
    if (run.defaultSample) this.err(`${this.t.ui.runningSample(run.sample!)}\n`);
    await this.checkOutput(opts.output, run.named, opts.format);
    return run;
  }

  /** After a run's files are read: the progress line cleared, its problems and its scenario's unmatched changes said. */
  endRead(run: ResolvedRun, read: { readonly problems: readonly Problem[]; readonly unmatched: readonly string[] }): void {
    this.endProgress();
    this.printProblems(read.problems);
    if (run.scenario) this.printUnmatched(run.scenario.path, read.unmatched);
  }
}

function withByteOrderMark(text: string | Iterable<string>): string | Iterable<string> {
  if (typeof text === 'string') return `\uFEFF${text}`;
  return (function* () {
    yield '\uFEFF';
    yield* text;
  })();
}

export type ColourLevel = 0 | 1 | 2 | 3;

/** The warnings of one code about one file printed before the rest are counted. */
const WARNINGS_OF_A_KIND = 20;

/** The colours a terminal takes, from its environment (as chalk's supports-color reads it, in short). */
function supportedLevel(env: CliIo['env']): ColourLevel {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

function colourLevel(stream: Stream, env: CliIo['env'], flag: boolean | undefined): ColourLevel {
  if (flag === false) return 0;
  const level = Math.max(1, supportedLevel(env)) as ColourLevel;
  // An explicit --color wins over the environment; NO_COLOR over FORCE_COLOR; either over the terminal.
  if (flag === true) return level;
  if (env.NO_COLOR) return 0;
  const forced = env.FORCE_COLOR;
  if (forced) return forced === '0' || forced === 'false' ? 0 : Number(forced) >= 2 ? (Math.min(3, Number(forced)) as ColourLevel) : level;
  // A terminal gets colour, at least the 16 basic ones.
  return stream.isTTY && env.TERM !== 'dumb' ? level : 0;
}
