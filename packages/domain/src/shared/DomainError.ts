/** Every error code the domain can report; each edge maps these once (HTTP status, exit code). */
export const domainErrorCodes = [
  'VALIDATION.INVALID_INPUT',
  'AUTH.FORBIDDEN',
  'AUTH.IMS_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'AUDIENCE.NOT_IMPORTABLE',
  'AUDIENCE.NOT_SHARED',
  'DATASOURCE.FORCE_NOT_ALLOWED',
  'DATASOURCE.DECRYPT_TO_FILE_IMPOSSIBLE',
  'DATASOURCE.INVALID_ENCRYPTION',
  'WORKFLOW.INVALID',
  'RUN.ALREADY_RUNNING',
  'RUN.FAILED',
  'PEOPLECORE.UNAVAILABLE',
  'PEOPLECORE.REJECTED',
  'PEOPLECORE.FILE_INVALID',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** The one error type of the domain: a stable code, a message that says what to do next, and details. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static is(value: unknown, code?: DomainErrorCode): value is DomainError {
    return value instanceof DomainError && (code === undefined || value.code === code);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${id} was not found in this organisation`, { what, id });
  }

  static invalid(message: string, issues: readonly string[] = []): DomainError {
    return new DomainError('VALIDATION.INVALID_INPUT', message, { issues });
  }
}
