/** The emulator's error codes; the admin endpoints map `NOT_FOUND` to 404 and `INVALID` to 400. */
export type EmulatorErrorCode = 'EMULATOR.NOT_FOUND' | 'EMULATOR.INVALID';

/** The one error type of the emulator package: a code to branch on and a message that says what to do. */
export class EmulatorError extends Error {
  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }

  static is(value: unknown): value is EmulatorError {
    return value instanceof EmulatorError;
  }

  static notFound(message: string): EmulatorError {
    return new EmulatorError('EMULATOR.NOT_FOUND', message);
  }

  static invalid(message: string): EmulatorError {
    return new EmulatorError('EMULATOR.INVALID', message);
  }
}
