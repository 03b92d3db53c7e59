/**
 * CSV reading and writing for spreadsheets merchants actually use: UTF-8 with or without BOM,
 * comma or semicolon (Excel in Swedish writes semicolons), quoted fields with "" escapes and line
 * breaks, CRLF or LF. Cells a spreadsheet would execute as a formula are neutralised on export.
 * Pure.
 */
export type Delimiter = "," | ";";

/** The delimiter of the header line: whichever of `;` and `,` occurs more outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Parses CSV text into rows of cells (a BOM is dropped; blank lines are kept as [""]). */
export function parseCsv(input: string, delimiter?: Delimiter): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === sep) {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell safe to open in a spreadsheet: formula starters get a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Reverses neutraliseCell on import (only an apostrophe followed by a formula starter). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteCell(value: string, sep: Delimiter): string {
  return /["\r\n]/.test(value) || value.includes(sep) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV (CRLF line ends, every cell neutralised, BOM so Excel reads UTF-8). */
export function writeCsv(rows: readonly (readonly string[])[], sep: Delimiter = ","): string {
  const lines = rows.map((row) => row.map((v) => quoteCell(neutraliseCell(v), sep)).join(sep));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
