import type { Progress } from '@audience-bridge/domain';
import cliProgress from 'cli-progress';

/** Where progress goes: a bar on a terminal, periodic lines elsewhere, nothing with `--json` or `--quiet`. */
export type ProgressMode = 'bar' | 'lines' | 'silent';

const rateOf = (count: number, startedAt: number): number => {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
};

/** A cli-progress bar on stderr, with counts and the rate per second. */
export class BarProgress implements Progress {
  private bar: cliProgress.SingleBar | null = null;
  private count = 0;
  private startedAt = 0;

  start(label: string, total: number | null): void {
    this.finish();
    const known = total !== null && total > 0;
    const format = known
      ? `${label} [{bar}] {value}/{total} {percentage}% | {rate}/s | eta {eta_formatted}`
      : `${label} {value} | {rate}/s`;
    this.bar = new cliProgress.SingleBar(
      { format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    this.count = 0;
    this.startedAt = Date.now();
    this.bar.start(known ? total : 0, 0, { rate: 0 });
  }

  advance(count: number): void {
    this.count += count;
    this.bar?.increment(count, { rate: rateOf(this.count, this.startedAt) });
  }

  finish(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

/** Plain progress lines on stderr every few seconds, for logs and pipes. */
export class LineProgress implements Progress {
  private label = '';
  private total: number | null = null;
  private count = 0;
  private startedAt = 0;
  private lastLine = 0;

  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
    private readonly everyMs = 2000,
  ) {}

  start(label: string, total: number | null): void {
    Object.assign(this, { label, total, count: 0, startedAt: Date.now(), lastLine: Date.now() });
    this.write(`${label}: started${total === null ? '' : ` (${total} to do)`}\n`);
  }

  advance(count: number): void {
    this.count += count;
    if (Date.now() - this.lastLine < this.everyMs) return;

    this.lastLine = Date.now();
    this.write(`${this.label}: ${this.describe()}\n`);
  }

  finish(): void {
    if (this.label === '') return;
    this.write(`${this.label}: done, ${this.describe()}\n`);
    this.label = '';
  }

  private describe(): string {
    if (this.total === null && this.count === 0)
      return `${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`;
    const of = this.total === null ? '' : `/${this.total}`;
    return `${this.count}${of} at ${rateOf(this.count, this.startedAt)}/s`;
  }
}

const silent: Progress = { start: () => undefined, advance: () => undefined, finish: () => undefined };

/** The progress mode for the global options and whether stderr is a terminal. */
export function progressMode(
  options: { json: boolean; quiet: boolean },
  isTty = process.stderr.isTTY,
): ProgressMode {
  if (options.json || options.quiet) return 'silent';
  return isTty ? 'bar' : 'lines';
}

/** A fresh progress reporter of the given mode. */
export function createProgress(mode: ProgressMode): Progress {
  if (mode === 'bar') return new BarProgress();
  return mode === 'lines' ? new LineProgress() : silent;
}
