import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bulkInvitationMaxBytes, bulkInvitationMaxRows } from '../../../shared/schemas/bulk-invitations';
import { AppError } from '../../errors';

export interface SheetRow {
  row: number;
  organisation: string;
  kvk: string;
  contact: string;
  email: string;
  role: string;
}

/** Column names people use, Dutch and English, to the field they fill. */
const headers: Record<string, keyof Omit<SheetRow, 'row'>> = {
  organisatie: 'organisation',
  organisation: 'organisation',
  organization: 'organisation',
  kvk: 'kvk',
  kvknummer: 'kvk',
  kvknumber: 'kvk',
  contact: 'contact',
  contactpersoon: 'contact',
  naam: 'contact',
  name: 'contact',
  email: 'email',
  emailadres: 'email',
  emailaddress: 'email',
  rol: 'role',
  role: 'role',
};
const headerKey = (cell: string) => headers[cell.toLowerCase().replace(/[^a-z]/g, '')];

const invalid = (message: string) => new AppError('validation_failed', 'The input is not valid.', { content: message });

/**
 * Reads a sheet of invitations from a CSV (comma or semicolon, as Dutch Excel writes it) or an
 * .xlsx (first worksheet). The kind is told by the bytes, not the name: an .xlsx is a zip.
 */
export async function readInvitationSheet(base64: string): Promise<{ kind: 'csv' | 'xlsx'; rows: SheetRow[] }> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('is empty');
  if (bytes.length > bulkInvitationMaxBytes) throw invalid('is too large (at most 2 MB)');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const table = isZip ? await xlsxCells(bytes) : csvCells(bytes);
  const [head, ...body] = table;
  const columns = (head ?? []).map((c) => headerKey(c));
  for (const needed of ['organisation', 'email', 'role'] as const) {
    if (!columns.includes(needed)) throw invalid(`has no column ${needed} (organisatie, e-mail, rol)`);
  }
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => !c.trim())) return; // an empty line
    const row: SheetRow = { row: index + 2, organisation: '', kvk: '', contact: '', email: '', role: '' };
    columns.forEach((key, i) => {
      if (key) row[key] = (cells[i] ?? '').trim();
    });
    rows.push(row);
  });
  if (rows.length > bulkInvitationMaxRows) throw invalid(`has more than ${bulkInvitationMaxRows} rows`);
  return { kind: isZip ? 'xlsx' : 'csv', rows };
}

function csvCells(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw invalid('is not a CSV or .xlsx file');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw invalid(`is not a readable CSV file (${(error as Error).message.slice(0, 120)})`);
  }
}

async function xlsxCells(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('is not a readable .xlsx file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('has no worksheet');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    table.push(cells);
  });
  return table;
}
