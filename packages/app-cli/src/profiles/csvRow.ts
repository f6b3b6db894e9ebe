import { CliError } from '../output/errors.js';

const identifiers = new Set(['key', 'email', 'mobilePhone', 'visitorId']);
const optOuts = new Set(['optOut.all', 'optOut.email', 'optOut.sms']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const isKnownColumn = (column: string): boolean =>
  identifiers.has(column) ||
  optOuts.has(column) ||
  ((column.startsWith('customKeys.') || column.startsWith('attributes.')) &&
    NAME.test(column.slice(column.indexOf('.') + 1)));

/** Refuses a header the importer would silently misread: unknown columns, or no `key`. */
export function checkCsvHeader(columns: readonly string[]): string[] {
  const unknown = columns.filter((column) => !isKnownColumn(column));
  if (unknown.length > 0) {
    throw CliError.usage(
      `unknown CSV columns ${unknown.join(', ')}: use key, email, mobilePhone, visitorId, customKeys.<name>, attributes.<name>, optOut.<all|email|sms>`,
    );
  }
  if (!columns.includes('key'))
    throw CliError.usage('the CSV header has no key column: every profile needs a key');

  return [...columns];
}

/** A yes/no cell: true/1/yes and false/0/no/empty; anything else is kept so validation reports it. */
function flag(cell: string): boolean | string {
  const value = cell.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no', ''].includes(value)) return false;

  return cell;
}

/** Turns a CSV record (cells by header) into a profile input; empty cells are absent. */
export function csvRecordToInput(record: Readonly<Record<string, string>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const customKeys: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  const optOut: Record<string, boolean | string> = {};
  for (const [column, cell] of Object.entries(record)) {
    const name = column.slice(column.indexOf('.') + 1);
    if (optOuts.has(column)) optOut[name] = flag(cell);
    else if (cell === '') continue;
    else if (column.startsWith('customKeys.')) customKeys[name] = cell;
    else if (column.startsWith('attributes.')) attributes[name] = cell;
    else input[column] = cell;
  }

  return { ...input, customKeys, attributes, optOut };
}
