import { DomainError, type DomainErrorCode } from '@audience-bridge/domain';
import { CommanderError } from 'commander';

/** Exit codes of every command: success, a failed run, bad usage or input, missing or refused authentication. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, auth: 3 } as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI explains itself: a one-line reason that says what to do next, and its exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly code = 'CLI.ERROR',
  ) {
    super(message);
  }

  static usage(message: string): CliError {
    return new CliError(message, ExitCode.usage, 'CLI.USAGE');
  }

  static auth(message: string): CliError {
    return new CliError(message, ExitCode.auth, 'AUTH.LOGIN_REQUIRED');
  }
}

const exitCodes: Readonly<Record<DomainErrorCode, ExitCodeValue>> = {
  'VALIDATION.INVALID_INPUT': ExitCode.usage,
  'AUTH.FORBIDDEN': ExitCode.auth,
  'AUTH.IMS_REQUIRED': ExitCode.auth,
  NOT_FOUND: ExitCode.usage,
  CONFLICT: ExitCode.usage,
  'AUDIENCE.NOT_IMPORTABLE': ExitCode.usage,
  'AUDIENCE.NOT_SHARED': ExitCode.usage,
  'DATASOURCE.FORCE_NOT_ALLOWED': ExitCode.usage,
  'DATASOURCE.DECRYPT_TO_FILE_IMPOSSIBLE': ExitCode.usage,
  'DATASOURCE.INVALID_ENCRYPTION': ExitCode.usage,
  'WORKFLOW.INVALID': ExitCode.usage,
  'RUN.ALREADY_RUNNING': ExitCode.failed,
  'RUN.FAILED': ExitCode.failed,
  'PEOPLECORE.UNAVAILABLE': ExitCode.failed,
  'PEOPLECORE.REJECTED': ExitCode.failed,
  'PEOPLECORE.FILE_INVALID': ExitCode.failed,
};

/** What the CLI adds to a domain message so that it says what to do next from the command line. */
const hints: Partial<Readonly<Record<DomainErrorCode, string>>> = {
  'AUTH.IMS_REQUIRED': 'run `audience-bridge login` first',
  'AUTH.FORBIDDEN': 'run `audience-bridge login` with credentials of the owning organisation',
  NOT_FOUND: 'list what exists with the matching `list` command',
  'RUN.ALREADY_RUNNING': 'wait for it to finish (`audience-bridge runs list`), then retry',
  'PEOPLECORE.UNAVAILABLE': 'check AB_PEOPLECORE_URL and AB_IMS_URL, then retry',
};

/** A failure as the CLI reports it: stable code, one-line message, exit code. */
export interface FailureReport {
  readonly code: string;
  readonly message: string;
  readonly exitCode: ExitCodeValue;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Maps anything a command can throw to its report; the one place where domain codes meet exit codes. */
export function describeFailure(error: unknown): FailureReport {
  if (error instanceof CliError)
    return { code: error.code, message: oneLine(error.message), exitCode: error.exitCode };
  if (DomainError.is(error)) {
    const hint = hints[error.code];
    const message = hint === undefined ? error.message : `${error.message} (${hint})`;

    return { code: error.code, message: oneLine(message), exitCode: exitCodes[error.code] };
  }
  if (error instanceof CommanderError)
    return { code: error.code, message: oneLine(error.message), exitCode: ExitCode.usage };
  if (error instanceof Error && error.name === 'ZodError') {
    return {
      code: 'VALIDATION.INVALID_INPUT',
      message: oneLine(`invalid options: ${error.message}`),
      exitCode: ExitCode.usage,
    };
  }
  const message = error instanceof Error ? error.message : String(error);

  return {
    code: 'UNEXPECTED',
    message: oneLine(`unexpected failure: ${message}`),
    exitCode: ExitCode.failed,
  };
}
