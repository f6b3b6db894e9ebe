import { DomainError } from '../shared/DomainError.js';

/**
 * The error a failed run reports: a domain error keeps its code (the edges map it), anything
 * else becomes `RUN.FAILED` with the first line of its message, so no stack or payload leaks.
 */
export function runFailure(cause: unknown, runId: string): DomainError {
  if (DomainError.is(cause))
    return new DomainError(cause.code, cause.message, { ...cause.details, runId }, { cause });

  const message = cause instanceof Error ? cause.message : String(cause);
  const firstLine = message.split('\n', 1)[0]?.trim() ?? '';

  return new DomainError(
    'RUN.FAILED',
    `Run ${runId} failed: ${firstLine === '' ? 'unexpected error' : firstLine}; start it again once the cause is fixed`,
    { runId },
    { cause },
  );
}

/** The one line a failed run stores: the code first, so a reader can act on it. */
export const runErrorLine = (error: DomainError): string =>
  `${error.code}: ${error.message.split('\n', 1)[0] ?? ''}`;
