// The texts of an uploaded file, read in the browser so the results table can show them: the
// results API carries no text. The page only uses them when it counted as many items as the
// service did; otherwise the table goes without a text column rather than show a wrong one.

const MAX_BYTES = 2 * 1024 * 1024;

function format(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || file.type.includes('ndjson')) return 'ndjson';
  if (name.endsWith('.json')) return 'json';
  return 'text';
}

const lines = (content) => content.split('\n').map((line) => line.replace(/\r$/, ''));
const blank = (s) => s.trim() === '';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(content) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && blank(r[0])));
}

function csvTexts(content) {
  const [header, ...rows] = csvRecords(content.replace(/^\uFEFF/, ''));
  const column = header ? header.findIndex((name) => name.trim().toLowerCase() === 'text') : -1;
  if (column < 0) return null;
  return rows.map((row) => (row.length === header.length ? row[column] : null));
}

function ndjsonTexts(content) {
  return lines(content)
    .filter((line) => !blank(line))
    .map((line) => {
      try {
        const item = JSON.parse(line);
        return item && typeof item.text === 'string' ? item.text : null;
      } catch {
        return null;
      }
    });
}

/** The texts of a small file by item index, or null when the page does not read this file. */
export async function itemTexts(file) {
  if (!file || file.size > MAX_BYTES) return null;
  const content = await file.text();
  switch (format(file)) {
    case 'csv':
      return csvTexts(content);
    case 'ndjson':
      return ndjsonTexts(content);
    case 'text':
      return lines(content).filter((line) => !blank(line));
    default:
      return null;
  }
}
