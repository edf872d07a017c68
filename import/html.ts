/**
 * HTML (government sites, Word "save as web page", mammoth's DOCX output) → blocks.
 * Paragraph-level elements become text blocks; each `<tr>` of a data table becomes a row.
 * Merged cells: a label cell spanning rows or columns appears once (it is a group label or
 * caption); a value cell spanning several columns or rows leaves `merged` placeholders in the
 * positions it covers, so the cells of a row keep their columns. `&nbsp;` cells are blank.
 */
import { parseDocument, Parser } from 'htmlparser2';
import { Deadline, within } from './limits';
import { classifyCell } from './normalize';
import type { Block, Layout, Source, SrcCell } from './source';

interface HNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  data?: string;
  startIndex: number | null;
}

const SKIP = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'svg',
  'object',
  'iframe',
  'select',
  'button',
  'input',
  'textarea',
]);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'center',
  'dd',
  'dt',
  'dl',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'body',
  'html',
  'pre',
]);

/** Elements counted as paragraphs against LIMITS.paragraphs. */
const PARAGRAPHS = new Set([...BLOCK, 'br']);

/**
 * Checks HTML against the limits in one streaming pass, before a tree is built: element
 * nesting (deeply nested or unclosed tags), paragraphs, table rows and cells. The tree walkers
 * below recurse, so the nesting limit is what keeps them off the stack's end.
 */
export function inspectHtml(html: string, deadline = new Deadline()): void {
  let depth = 0;
  let paragraphs = 0;
  let rows = 0;
  let cells = 0;
  let n = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        within('nesting', ++depth);
        if (name === 'tr') within('rows', ++rows);
        else if (name === 'td' || name === 'th') within('cells', ++cells);
        else if (PARAGRAPHS.has(name)) within('paragraphs', ++paragraphs);
        if ((++n & 0xfff) === 0) deadline.check();
      },
      onclosetag() {
        depth--;
      },
    },
    { lowerCaseTags: true, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}

export function htmlSource(html: string, layout: Layout = 'html', deadline = new Deadline()): Source {
  inspectHtml(html, deadline);
  const starts = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) starts.push(i + 1);
  const lineOf = (index: number | null): number => {
    if (index === null) return 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const doc = parseDocument(html, {
    withStartIndices: true,
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  }) as unknown as HNode;
  const blocks: Block[] = [];
  let buf = '';
  let bufLine = 1;
  const flush = () => {
    for (const part of buf.split('\n')) {
      if (part.replace(/[\s\u00a0\u3000]/g, '') === '') continue;
      within('lineChars', part.length);
      blocks.push({ kind: 'text', text: part, line: bufLine });
    }
    buf = '';
    deadline.check();
  };
  let title = '';
  const walk = (n: HNode): void => {
    if (n.type === 'text') {
      if (buf === '') bufLine = lineOf(n.startIndex);
      buf += (n.data ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root' && n.type !== 'script' && n.type !== 'style') return;
    const name = n.name ?? '';
    if (name === 'title') {
      title = textOf(n).trim();
      return;
    }
    if (SKIP.has(name)) return;
    if (name === 'br') {
      buf += '\n';
      return;
    }
    if (name === 'table' && !hasDescendant(n, 'table')) {
      flush();
      blocks.push(...tableRows(n, lineOf));
      return;
    }
    const block = BLOCK.has(name) || name === 'table' || name === 'tr' || name === 'td' || name === 'th';
    if (block) flush();
    if (block && buf === '') bufLine = lineOf(n.startIndex);
    for (const c of n.children ?? []) walk(c);
    if (block) flush();
  };
  walk(doc);
  flush();
  if (title && !blocks.some((b) => b.kind === 'text' && b.text.includes(title))) {
    blocks.unshift({ kind: 'text', text: title, line: 1, heading: true });
  }
  return { layout, blocks, pageNumbers: [] };
}

function hasDescendant(n: HNode, name: string): boolean {
  return (n.children ?? []).some((c) => c.name === name || hasDescendant(c, name));
}

/** The text of a cell: block children and `<br>` become line breaks. */
function textOf(n: HNode): string {
  if (n.type === 'text') return (n.data ?? '').replace(/[\r\n]+/g, ' ');
  if (n.name && SKIP.has(n.name)) return '';
  if (n.name === 'br') return '\n';
  const inner = (n.children ?? []).map(textOf).join('');
  return n.name && BLOCK.has(n.name) ? `\n${inner}\n` : inner;
}

function rowsOf(n: HNode): HNode[] {
  const out: HNode[] = [];
  for (const c of n.children ?? []) {
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') out.push(...rowsOf(c));
  }
  return out;
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 200) : 1;
}

function tableRows(table: HNode, lineOf: (i: number | null) => number): Block[] {
  const out: Block[] = [];
  // Columns still covered by a cell from a row above: how many rows, and whether it is a value.
  const pending: { left: number; value: boolean }[] = [];
  for (const tr of rowsOf(table)) {
    const line = lineOf(tr.startIndex);
    const cells: SrcCell[] = [];
    let col = 0;
    const fillPending = () => {
      while (pending[col] && pending[col].left > 0) {
        if (pending[col].value) cells.push({ text: '', line, merged: true });
        pending[col].left--;
        col++;
      }
    };
    for (const td of (tr.children ?? []).filter((c) => c.name === 'td' || c.name === 'th')) {
      fillPending();
      const text = textOf(td)
        .replace(/^\n+|\n+$/g, '')
        .replace(/\n{2,}/g, '\n');
      within('lineChars', text.length);
      const cs = span(td.attribs?.colspan);
      const rs = span(td.attribs?.rowspan);
      const cellLine = lineOf(td.startIndex);
      const cls = classifyCell(text);
      const value = cls !== 'label';
      cells.push({ text, line: cellLine, colspan: cs, rowspan: rs });
      if (value) for (let k = 1; k < cs; k++) cells.push({ text: '', line: cellLine, merged: true });
      for (let k = 0; k < cs; k++) {
        if (rs > 1) pending[col + k] = { left: rs - 1, value };
        else if (pending[col + k]) pending[col + k].left = 0;
      }
      col += cs;
    }
    fillPending();
    for (let c = col; c < pending.length; c++) {
      if (pending[c] && pending[c].left > 0) {
        if (pending[c].value) cells.push({ text: '', line, merged: true });
        pending[c].left--;
      }
    }
    if (cells.length) out.push({ kind: 'row', cells, line });
  }
  return out;
}
