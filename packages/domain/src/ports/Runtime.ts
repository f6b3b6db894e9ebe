/** The time, injected so that runs and schedules can be tested. */
export interface Clock {
  now(): Date;
}

/** New unique ids for audiences, runs and uploads. */
export interface IdGenerator {
  next(prefix: string): string;
}

export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logging: fields first, a short lower-case message; never a secret or a full ID list. */
export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  child(fields: LogFields): Logger;
}

/** Progress of long work, shown as a bar on a terminal or as periodic lines elsewhere. */
export interface Progress {
  start(label: string, total: number | null): void;
  advance(count: number): void;
  finish(): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

export const silentProgress: Progress = {
  start: () => undefined,
  advance: () => undefined,
  finish: () => undefined,
};

export const systemClock: Clock = { now: () => new Date() };
