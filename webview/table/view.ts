/**
 * The report drawn as the official layout: the meta fields at the top, the six sections in order
 * (narratives as text areas, tables as ARIA grids with the template's merged headers), the other
 * fields after them. Built once per shape of the document; later models update texts and states
 * in place, so focus, selection and an open editor survive an edit.
 */
import type { FieldGroup, GridCell, GridField, GridSection, GridTable, TableModel } from '../../protocol/table';
import { h, setAttr, setText } from './dom';
import { fill, type Words } from './text';

export interface Elements {
  cells: Map<string, HTMLTableCellElement>;
  /** Row labels and captions by their path. */
  heads: Map<string, HTMLTableCellElement>;
  sections: Map<string, HTMLElement>;
  narratives: Map<string, HTMLTextAreaElement>;
  fields: Map<string, HTMLInputElement | HTMLSelectElement>;
  /** The visible text of each value cell. */
  values: Map<string, HTMLSpanElement>;
}

const TABLE_CLASS: Record<GridTable['layout'], string> = {
  stacked: 't-sub',
  matrix: 't-matrix',
  sideBySide: 't-groups',
  extra: 'extra',
};

/** Identifies the document's shape: what cells, sections and fields exist (not what they hold). */
export function shapeOf(m: TableModel): string {
  const parts: string[] = [m.format, m.locale];
  for (const s of m.sections) {
    parts.push(`${s.key}:${s.absent}:${s.narrative}`);
    for (const t of s.tables) parts.push(t.layout, ...[...t.head, ...t.body].flat().map((c) => `${c.role}${c.path ?? c.text}`));
  }
  for (const g of m.fields) parts.push(g.key, ...g.fields.map((f) => f.path));
  return parts.join('|');
}

export function buildView(root: HTMLElement, m: TableModel, w: Words): Elements {
  const els: Elements = {
    cells: new Map(),
    heads: new Map(),
    sections: new Map(),
    narratives: new Map(),
    fields: new Map(),
    values: new Map(),
  };
  const [meta, ...otherFields] = m.fields;
  const body: Node[] = [];
  if (meta) body.push(fieldGroup(meta, els, w));
  for (const [i, s] of m.sections.entries()) body.push(section(s, i, els, w));
  for (const g of otherFields) body.push(fieldGroup(g, els, w));
  root.replaceChildren(...body);
  return els;
}

function fieldGroup(g: FieldGroup, els: Elements, w: Words): HTMLElement {
  const id = `fg-${g.key}`;
  const grid = h('div', { class: 'field-grid' });
  for (const f of g.fields) {
    const input = fieldInput(f, w);
    els.fields.set(f.path, input);
    grid.append(h('label', { class: 'field', 'data-path': f.path }, h('span', { class: 'field-label' }, f.label), input));
  }
  const el = h(
    'section',
    { class: 'fields', 'data-path': g.key, 'aria-labelledby': id },
    h('h2', { id }, g.key === 'meta' ? w.meta : g.title),
    grid,
  );
  els.sections.set(g.key, el);
  return el;
}

function fieldInput(f: GridField, _w: Words): HTMLInputElement | HTMLSelectElement {
  if (f.input === 'enum') {
    const select = h('select', { 'data-path': f.path, 'data-field': '1', title: f.help });
    // A value the schema does not know stays shown (recorded faithfully, flagged by the checker).
    const known = f.options?.some((o) => o.value === f.value);
    if (!known) select.append(h('option', { value: f.value }, f.value));
    for (const o of f.options ?? []) select.append(h('option', { value: o.value }, o.label));
    select.value = f.value;
    return select;
  }
  const input = h('input', {
    type: 'text',
    'data-path': f.path,
    'data-field': '1',
    inputmode: f.input === 'number' ? 'numeric' : undefined,
    placeholder: f.input === 'date' ? 'YYYY-MM-DD' : undefined,
    spellcheck: 'false',
    title: f.help,
  });
  input.value = f.value;
  return input;
}

function section(s: GridSection, index: number, els: Elements, w: Words): HTMLElement {
  const id = `s-${s.key}`;
  const el = h('section', {
    class: s.narrative ? 'section narrative' : 'section table-section',
    'data-path': s.key,
    'aria-labelledby': id,
  });
  el.append(h('h2', { id }, s.title));
  els.sections.set(s.key, el);
  if (s.narrative) {
    const area = h('textarea', {
      'data-path': s.key,
      'aria-labelledby': id,
      placeholder: s.absent ? w.absentSection : w.narrativePlaceholder,
      title: s.help,
      rows: 4,
    });
    area.value = s.text;
    els.narratives.set(s.key, area);
    el.append(area);
  } else if (s.absent) {
    el.append(h('p', { class: 'absent' }, w.absentTable));
  } else {
    for (const [j, t] of s.tables.entries()) el.append(table(t, `${index}.${j}`, id, els, w));
  }
  return el;
}

function table(t: GridTable, id: string, labelledBy: string, els: Elements, w: Words): HTMLElement {
  const grid = t.layout !== 'extra';
  const el = h('table', {
    class: `official ${TABLE_CLASS[t.layout]}`,
    role: grid ? 'grid' : undefined,
    'aria-labelledby': grid ? labelledBy : undefined,
    'data-table': id,
  });
  if (t.caption) el.append(h('caption', {}, t.caption));
  const row = (cells: GridCell[]) => h('tr', { role: grid ? 'row' : undefined }, ...cells.map((c) => cell(c, els, w)));
  if (t.head.length) el.append(h('thead', {}, ...t.head.map(row)));
  el.append(h('tbody', {}, ...t.body.map(row)));
  return el;
}

const HEAD_ROLE: Record<string, string> = {
  column: 'columnheader',
  note: 'columnheader',
  row: 'rowheader',
  group: 'rowheader',
  caption: 'rowheader',
};

function cell(c: GridCell, els: Elements, w: Words): HTMLTableCellElement {
  const span = { rowspan: c.rowspan > 1 ? c.rowspan : undefined, colspan: c.colspan > 1 ? c.colspan : undefined };
  if (c.role === 'value' && c.path) {
    const value = h('span', { class: 'val' });
    const td = h('td', { ...span, role: 'gridcell', tabindex: -1, 'data-path': c.path }, value);
    els.cells.set(c.path, td);
    els.values.set(c.path, value);
    fillCell(td, value, c, w);
    return td;
  }
  if (c.role === 'extra')
    return h('td', { ...span, class: `extra ${c.text === '' ? 'blank' : ''}`, 'aria-readonly': 'true' }, c.text);
  const th = h('th', { ...span, role: HEAD_ROLE[c.role], class: c.role, 'data-path': c.path }, c.text);
  if (c.path && (c.role === 'row' || c.role === 'caption')) els.heads.set(c.path, th);
  return th;
}

/** A value cell's text, state and spoken label from the model. */
export function fillCell(td: HTMLTableCellElement, value: HTMLSpanElement, c: GridCell, w: Words): void {
  setText(value, c.text);
  td.dataset.edit = c.edit ?? '';
  const cls = ['v', c.kind ?? '', c.state ?? '', c.total ? 'total' : ''].filter(Boolean).join(' ');
  // Marks (m-*) and selection classes are kept; the state classes are replaced.
  const keep = [...td.classList].filter(
    (k) => k.startsWith('m-') || k === 'sel' || k === 'active' || k === 'pending' || k === 'editing',
  );
  const next = [cls, ...keep].join(' ');
  if (td.className !== next) td.className = next;
  const shown = c.state === 'blank' ? w.blank : c.state === 'missing' ? w.missing : c.text;
  setAttr(td, 'aria-label', fill(w.cellOf, c.label ?? c.path ?? '', shown));
}

/** Updates an existing view from a model of the same shape. */
export function updateView(els: Elements, m: TableModel, w: Words, active: Element | null): void {
  for (const s of m.sections) {
    if (s.narrative) {
      const area = els.narratives.get(s.key);
      // The text being written wins over the model until it is committed.
      if (area && area !== active && area.value !== s.text && !area.dataset.dirty) area.value = s.text;
      continue;
    }
    for (const t of s.tables)
      for (const c of [...t.head, ...t.body].flat()) {
        if (c.role !== 'value' || !c.path) continue;
        const td = els.cells.get(c.path);
        const v = els.values.get(c.path);
        if (td && v && !td.classList.contains('editing')) fillCell(td, v, c, w);
      }
  }
  for (const g of m.fields)
    for (const f of g.fields) {
      const input = els.fields.get(f.path);
      if (input && input !== active && !input.dataset.dirty && input.value !== f.value) input.value = f.value;
    }
}
