/**
 * Tab-separated text as Excel and WPS put a range on the clipboard (rows by line breaks, cells by
 * tabs; a cell holding a tab, a quote or a line break is quoted, quotes doubled), and back.
 */

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the closing quote; "" is a quote.
      let j = i + 1;
      let quoted = '';
      for (;;) {
        if (j >= s.length) break;
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        quoted += s[j++];
      }
      if (j >= s.length || s[j] === '\t' || s[j] === '\n') {
        cell = quoted;
        i = j;
        continue;
      }
      // Not a quoted cell after all (text that merely starts with a quote).
      cell = ch;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function toTsv(rows: string[][]): string {
  const quote = (v: string) => (/[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join('\t')).join('\n');
}
