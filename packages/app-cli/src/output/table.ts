/** A column of a plain-text table: its heading and how to read a cell from a row. */
export interface Column<T> {
  readonly heading: string;
  readonly cell: (row: T) => string | number | boolean | null | undefined;
  readonly align?: 'left' | 'right';
}

const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '-' : String(value);

/** Renders rows as aligned plain text under a heading line; an empty list says so. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (rows.length === 0) return '(none)';

  const cells = rows.map((row) => columns.map((column) => text(column.cell(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.heading.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const pad = (value: string, index: number): string => {
    const width = widths[index] ?? value.length;
    return columns[index]?.align === 'right' ? value.padStart(width) : value.padEnd(width);
  };
  const lines = [
    columns.map((column, index) => pad(column.heading, index)),
    ...cells.map((line) => line.map(pad)),
  ];

  return lines.map((line) => line.join('  ').trimEnd()).join('\n');
}

/** Renders label/value pairs as two aligned columns. */
export function renderFields(
  fields: readonly (readonly [string, string | number | boolean | null | undefined])[],
): string {
  const width = Math.max(...fields.map(([label]) => label.length));

  return fields.map(([label, value]) => `${label.padEnd(width)}  ${text(value)}`).join('\n');
}
