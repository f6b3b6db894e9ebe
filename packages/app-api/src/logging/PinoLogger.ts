import type { Logger, LogFields } from '@audience-bridge/domain';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';

/** Field paths whose values are secrets wherever they appear in a log line. */
export const redactedPaths = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  'key',
  '*.key',
  'iv',
  '*.iv',
  'masterKey',
  'encryption.key',
  'encryption.iv',
  '*.encryption.key',
  '*.encryption.iv',
];

/** The domain's logger port over pino: structured fields first, secrets censored. */
export class PinoLogger implements Logger {
  constructor(private readonly pino: Pino) {}

  static create(level: string, destination: DestinationStream = pino.destination(2)): PinoLogger {
    return new PinoLogger(
      pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination),
    );
  }

  get raw(): Pino {
    return this.pino;
  }

  debug(fields: LogFields, message: string): void {
    this.pino.debug(fields, message);
  }

  info(fields: LogFields, message: string): void {
    this.pino.info(fields, message);
  }

  warn(fields: LogFields, message: string): void {
    this.pino.warn(fields, message);
  }

  error(fields: LogFields, message: string): void {
    this.pino.error(fields, message);
  }

  child(fields: LogFields): Logger {
    return new PinoLogger(this.pino.child(fields));
  }
}
