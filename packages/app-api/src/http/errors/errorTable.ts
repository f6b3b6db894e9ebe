import { DomainError, type DomainErrorCode } from '@audience-bridge/domain';

/** Codes only the HTTP edge reports, beside the domain's own. */
export type ApiOnlyCode =
  | 'AUTH.UNAUTHENTICATED'
  | 'HTTP.RATE_LIMITED'
  | 'HTTP.PAYLOAD_TOO_LARGE'
  | 'HTTP.UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export type ApiErrorCode = DomainErrorCode | ApiOnlyCode;

/** The one table from error code to HTTP status; a new domain code fails the build until it is mapped here. */
export const statusByCode: Readonly<Record<ApiErrorCode, number>> = {
  'VALIDATION.INVALID_INPUT': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.IMS_REQUIRED': 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  'RUN.ALREADY_RUNNING': 409,
  'HTTP.PAYLOAD_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'AUDIENCE.NOT_IMPORTABLE': 422,
  'AUDIENCE.NOT_SHARED': 422,
  'DATASOURCE.FORCE_NOT_ALLOWED': 422,
  'DATASOURCE.DECRYPT_TO_FILE_IMPOSSIBLE': 422,
  'DATASOURCE.INVALID_ENCRYPTION': 422,
  'WORKFLOW.INVALID': 422,
  'HTTP.RATE_LIMITED': 429,
  INTERNAL: 500,
  'RUN.FAILED': 500,
  'PEOPLECORE.REJECTED': 502,
  'PEOPLECORE.FILE_INVALID': 502,
  'PEOPLECORE.UNAVAILABLE': 503,
};

/** An error the HTTP edge raises itself, with a code from the table. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }

  static unauthenticated(message: string): ApiError {
    return new ApiError('AUTH.UNAUTHENTICATED', message);
  }
}

/** The one JSON shape of every error the API answers. */
export interface ErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Status and body for a domain or API error. */
export function describeError(error: DomainError | ApiError): { status: number; body: ErrorBody } {
  return {
    status: statusByCode[error.code],
    body: { code: error.code, message: error.message, details: { ...error.details } },
  };
}
