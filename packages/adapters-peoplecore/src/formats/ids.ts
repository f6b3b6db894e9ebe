/** Audience Manager trait and segment ids (SIDs) are positive decimal integers. */
export const isSid = (value: string): boolean => /^[0-9]{1,19}$/.test(value);

/** A user id is any non-empty token without whitespace (AAM UUID, ECID, DPUUID or device id). */
export const isUserId = (value: string): boolean => value.length > 0 && !/\s/.test(value);

/** Splits a comma-separated column; an empty column means no ids. */
export const splitIds = (column: string | undefined): string[] =>
  column === undefined || column === '' ? [] : column.split(',');
