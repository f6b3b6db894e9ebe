export { createProgram, overrideExits } from './program.js';
export { describeFailure, CliError, ExitCode } from './output/errors.js';
export { renderTable, renderFields } from './output/table.js';
export { csvLine, csvCell } from './output/csv.js';
export { LineProgress, BarProgress, progressMode } from './output/progress.js';
export { LineIndex } from './profiles/LineIndex.js';
export { csvRecordToInput, checkCsvHeader } from './profiles/csvRow.js';
