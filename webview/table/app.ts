/**
 * The table editor's page: draws each model the host sends (view.ts, marks.ts), keeps the active
 * cell and the selection, and turns keys, clicks and the clipboard into inputs for the host
 * (`edit` messages: the server writes them into the YAML). It never computes a sum or a finding.
 */
import type { GridFinding, TableModel } from '../../protocol/table';
import type { HostMessage, ViewMessage } from '../../protocol/tableView';
import { parseTsv, toTsv } from './clipboard';
import { DETAIL_MESSAGES_ID, drawDetail } from './detail';
import { h } from './dom';
import { CellEditor, type EditMode } from './editing';
import { FixMenu } from './fixmenu';
import { applyMarks, drawSummary, elementOf, showInvolved, type Marks } from './marks';
import { buildNav, move, pasteTargets, rect, type Direction, type Nav } from './nav';
import { fill, words, type Words } from './text';
import { fit, TEXT_SELECTOR, TextInputs } from './texts';
import { buildView, shapeOf, updateView, type Elements } from './view';

export interface Bus {
  post(m: ViewMessage): void;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export class App {
  private model: TableModel | undefined;
  private shape = '';
  private els: Elements | undefined;
  private nav: Nav = { rows: [], byPath: new Map(), order: [] };
  private marks: Marks | undefined;
  private w: Words = words('zh-CN');
  private active: string | undefined;
  private anchor: string | undefined;
  private selected: string[] = [];
  private readonly editor = new CellEditor();
  private readonly menu: FixMenu;
  private seq = 0;
  private fixRequest = 0;
  private readonly texts = new TextInputs((changes, save) => this.send(changes, save));
  /** Edits sent, by seq: when they were sent; and the version each applied one produced. */
  private readonly sent = new Map<number, number>();
  private readonly awaiting = new Map<number, { at: number; version: number }>();
  /** Milliseconds from an input to the model with its marks drawn (read by tests and benches). */
  readonly timings: number[] = [];
  /** Milliseconds from the page's start to its first model drawn. */
  firstDrawMs: number | undefined;

  private readonly title = h('h1', { class: 'title' });
  private readonly counts = h('div', { class: 'counts', role: 'status' });
  private readonly loose = h('details', { class: 'loose' }) as HTMLDetailsElement;
  private readonly main = h('main', { class: 'report' });
  private readonly detail = h('div', { class: 'detail', role: 'region', 'aria-live': 'polite' });
  private readonly notice = h('div', { class: 'notice', role: 'alert' });

  constructor(
    root: HTMLElement,
    private readonly bus: Bus,
  ) {
    const menuEl = h('div', { class: 'menu' });
    this.menu = new FixMenu(menuEl, () => this.w);
    root.replaceChildren(
      h('header', { class: 'top' }, this.title, this.counts, this.loose),
      this.main,
      this.detail,
      this.notice,
      menuEl,
    );
    document.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('focusin', (e) => this.onFocus(e.target as HTMLElement));
    document.addEventListener('focusout', (e) => this.onBlur(e.target as HTMLElement, e.relatedTarget as HTMLElement | null));
    document.addEventListener('mousedown', (e) => this.onMouseDown(e));
    document.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    document.addEventListener('click', (e) => this.onClick(e));
    document.addEventListener('input', (e) => {
      if ((e.target as HTMLElement).matches(TEXT_SELECTOR)) this.texts.typed(e.target as HTMLElement);
    });
    document.addEventListener('change', (e) => {
      if (e.target instanceof HTMLSelectElement) this.texts.chosen(e.target);
    });
    document.addEventListener('copy', (e) => this.onCopy(e, false));
    document.addEventListener('cut', (e) => this.onCopy(e, true));
    document.addEventListener('paste', (e) => this.onPaste(e));
    drawDetail(this.detail, undefined, this.w);
  }

  // ---- from the host ---------------------------------------------------------------------

  onMessage(m: HostMessage): void {
    if (m.type === 'model') this.draw(m.model);
    else if (m.type === 'fixes' && m.request === this.fixRequest) this.menu.show(m.fixes);
    else if (m.type === 'applied') {
      const at = this.sent.get(m.seq);
      this.sent.delete(m.seq);
      if (!m.ok) {
        this.say(fill(this.w.notApplied, m.reason ?? ''));
        this.clearPending();
      } else if (at !== undefined && m.version !== undefined) this.awaiting.set(m.seq, { at, version: m.version });
    }
  }

  private draw(model: TableModel): void {
    this.model = model;
    this.w = words(model.locale);
    document.documentElement.lang = model.locale === 'en' ? 'en' : 'zh-CN';
    this.title.textContent = model.title;
    const shape = shapeOf(model);
    if (!this.els || shape !== this.shape) {
      const first = !this.els;
      const focused = this.active;
      this.editor.cancel();
      this.els = buildView(this.main, model, this.w);
      this.shape = shape;
      this.nav = buildNav(model.sections.flatMap((s) => s.tables.filter((t) => t.layout !== 'extra')));
      this.setActive(focused && this.nav.byPath.has(focused) ? focused : this.nav.order[0]?.path, !first && !!focused);
      if (first) this.focusStart(model);
      requestAnimationFrame(() => {
        for (const area of this.els?.narratives.values() ?? []) fit(area);
      });
    } else updateView(this.els, model, this.w, document.activeElement);
    this.marks = applyMarks(this.els, model, this.w);
    drawSummary(this.counts, this.loose, model, this.marks, this.w);
    if (!this.sent.size) this.clearPending();
    this.showDetail();
    for (const [seq, a] of this.awaiting)
      if (model.version >= a.version) {
        this.timings.push(performance.now() - a.at);
        this.awaiting.delete(seq);
      }
    this.firstDrawMs ??= performance.now();
    this.bus.post({ type: 'rendered', version: model.version });
  }

  /** Where writing starts: a report without a title starts there, any other at its first cell. */
  private focusStart(model: TableModel): void {
    const title = model.fields[0]?.fields[0];
    const input = title && !title.value ? this.els?.fields.get(title.path) : undefined;
    if (input) input.focus();
    else this.cell(this.active)?.focus();
  }

  // ---- active cell and selection -------------------------------------------------------

  private cell(path: string | undefined): HTMLTableCellElement | undefined {
    return path ? this.els?.cells.get(path) : undefined;
  }

  private setActive(path: string | undefined, focus = true, extend = false): void {
    if (!path || !this.els) return;
    const prev = this.cell(this.active);
    if (prev) {
      prev.tabIndex = -1;
      prev.classList.remove('active');
      prev.removeAttribute('aria-describedby');
    }
    this.active = path;
    if (!extend) this.anchor = path;
    const td = this.cell(path);
    if (!td) return;
    td.tabIndex = 0;
    td.classList.add('active');
    this.select(rect(this.nav, this.anchor ?? path, path).flat());
    if (focus) {
      td.focus();
      td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    this.showDetail();
  }

  private select(paths: string[]): void {
    for (const p of this.selected) this.cell(p)?.classList.remove('sel');
    this.selected = paths.length > 1 ? paths : [];
    for (const p of this.selected) this.cell(p)?.classList.add('sel');
  }

  /** The cells a copy, cut or delete acts on: the selection, else the active cell. */
  private range(): string[][] {
    if (!this.active) return [];
    return rect(this.nav, this.anchor ?? this.active, this.active);
  }

  private showDetail(): void {
    const el = document.activeElement as HTMLElement | null;
    const path = this.pathOf(el) ?? this.active;
    if (!path || !this.model || !this.marks) return;
    const findings = this.marks.byPath.get(path) ?? [];
    const td = this.cell(path);
    const label = td
      ? (td.getAttribute('aria-label') ?? path).replace(/[:：][^:：]*$/, '')
      : (el?.closest('label')?.querySelector('.field-label')?.textContent ??
        this.els?.sections.get(path)?.querySelector('h2')?.textContent ??
        path);
    const value = td ? (td.dataset.edit ?? '') : '';
    drawDetail(this.detail, { path, label, value, findings, sums: this.marks.sums.get(path) ?? [] }, this.w);
    if (td) td.setAttribute('aria-describedby', DETAIL_MESSAGES_ID);
    showInvolved(this.els!, this.marks, path);
  }

  private pathOf(el: HTMLElement | null): string | undefined {
    return el?.closest<HTMLElement>('[data-path]')?.dataset.path;
  }

  // ---- inputs to the host ----------------------------------------------------------------

  private send(changes: { path: string; input: string }[], save = false): void {
    if (!changes.length && !save) return;
    const seq = ++this.seq;
    this.sent.set(seq, performance.now());
    for (const c of changes) {
      const td = this.cell(c.path);
      if (!td) continue;
      // Shown at once; the model's reading of it replaces it when it arrives.
      td.classList.add('pending');
      const v = this.els?.values.get(c.path);
      if (v) v.textContent = c.input;
      td.dataset.edit = c.input;
    }
    this.bus.post({ type: 'edit', seq, changes, save: save || undefined });
  }

  private clearPending(): void {
    for (const td of this.main.querySelectorAll('.pending')) td.classList.remove('pending');
  }

  private commitEditor(): void {
    const c = this.editor.commit();
    if (c) this.send([c]);
  }

  private say(text: string): void {
    this.notice.textContent = text;
  }

  // ---- keyboard --------------------------------------------------------------------------

  private onKey(e: KeyboardEvent): void {
    if (this.menu.open) return; // the menu handles its own keys
    const target = e.target as HTMLElement;
    const save = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';
    if (e.key === 'F8' && !(this.editor.editing && target === this.editor.element)) {
      // From anywhere in the page (a cell handles its own F8 below).
      if (!target.matches('td[role=gridcell]')) {
        this.nextFinding(target.matches(TEXT_SELECTOR) ? target : undefined, e.shiftKey ? -1 : 1);
        this.handled(e);
        return;
      }
    }
    if (this.editor.editing && target === this.editor.element) this.editingKey(e, save);
    else if (target.matches(TEXT_SELECTOR)) this.textKey(e, target, save);
    else if (target.matches('td[role=gridcell]')) this.cellKey(e);
  }

  private handled(e: KeyboardEvent): void {
    e.preventDefault();
    e.stopPropagation();
  }

  private editingKey(e: KeyboardEvent, save: boolean): void {
    const path = this.editor.path!;
    const arrow = ARROWS[e.key];
    if (save) {
      const c = this.editor.commit();
      this.send(c ? [c] : [], true);
      this.setActive(path);
    } else if (e.key === 'Escape') {
      this.editor.cancel();
      this.setActive(path);
    } else if (e.key === 'Enter') {
      this.commitEditor();
      this.setActive(move(this.nav, path, e.shiftKey ? 'up' : 'down') ?? path);
    } else if (e.key === 'Tab') {
      this.commitEditor();
      this.tab(path, e.shiftKey);
    } else if (arrow && this.editor.mode === 'replace') {
      this.commitEditor();
      this.setActive(move(this.nav, path, arrow) ?? path);
    } else return;
    this.handled(e);
  }

  private textKey(e: KeyboardEvent, el: HTMLElement, save: boolean): void {
    const path = el.dataset.path!;
    if (save) {
      if (!this.texts.dirty(el)) return; // nothing pending: VS Code saves
      this.texts.commit(el, true);
    } else if (e.key === 'Tab' || (e.key === 'Enter' && el.tagName !== 'TEXTAREA')) {
      this.texts.commit(el);
      this.tab(path, e.shiftKey, el);
    } else if (e.key === 'Escape' && el.tagName !== 'TEXTAREA') {
      const f = this.model?.fields.flatMap((g) => g.fields).find((x) => x.path === path);
      if (f) this.texts.revert(el as HTMLInputElement, f.value);
    } else return;
    this.handled(e);
  }

  private cellKey(e: KeyboardEvent): void {
    const path = this.active;
    const td = this.cell(path);
    if (!path || !td) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const arrow = ARROWS[e.key];
    if (arrow && !ctrl) this.setActive(move(this.nav, path, arrow) ?? path, true, e.shiftKey);
    else if (e.key === 'Tab') this.tab(path, e.shiftKey);
    else if (e.key === 'Enter' && ctrl) this.bus.post({ type: 'reveal', path });
    else if (e.key === 'Enter' || e.key === 'F2') this.edit(td, 'edit');
    else if (e.key === 'Backspace' && !this.selected.length) this.edit(td, 'replace', '');
    else if (e.key === 'Delete' || e.key === 'Backspace')
      this.send(
        this.range()
          .flat()
          .map((p) => ({ path: p, input: '' })),
      );
    else if (e.key === 'Escape') this.setActive(path);
    else if (e.key === 'Home' || e.key === 'End') {
      const row = this.nav.rows[this.nav.byPath.get(path)!.row];
      const all = ctrl ? this.nav.order : row;
      this.setActive((e.key === 'Home' ? all[0] : all[all.length - 1]).path, true, e.shiftKey);
    } else if (e.key === '.' && ctrl) this.openFixes();
    else if (e.key === 'F8') this.nextFinding(td, e.shiftKey ? -1 : 1);
    else if (e.key.length === 1 && !ctrl && !e.altKey) this.edit(td, 'replace', e.key);
    else if (e.key === 'Process') {
      // An input method is composing: open the editor and let the composition land in it.
      this.editor.start(td, 'replace', '');
      return;
    } else return;
    this.handled(e);
  }

  private edit(td: HTMLTableCellElement, mode: EditMode, initial?: string): void {
    this.setActive(td.dataset.path!, false);
    this.editor.start(td, mode, initial);
  }

  /** Fields, sections and value cells in reading order: what Tab and F8 walk. */
  private focusOrder(): HTMLElement[] {
    return [...this.main.querySelectorAll<HTMLElement>('[data-field], textarea[data-path], td[role=gridcell]')];
  }

  private focusOn(el: HTMLElement): void {
    if (el.matches('td')) this.setActive(el.dataset.path!);
    else {
      el.focus();
      // As a form does on Tab: what is typed next replaces the field's text.
      if (el instanceof HTMLInputElement) el.select();
    }
  }

  /** Tab and Shift+Tab: the next field, section or cell in reading order. */
  private tab(path: string, back: boolean, from?: HTMLElement): void {
    const order = this.focusOrder();
    const here = from ?? this.cell(path);
    const i = here ? order.indexOf(here) : -1;
    const next = order[i + (back ? -1 : 1)];
    if (next) this.focusOn(next);
  }

  /** F8 (Shift+F8): the next (previous) field, section or cell with a finding, in reading order, round the end. */
  private nextFinding(from: HTMLElement | undefined, by: 1 | -1): void {
    const order = this.focusOrder();
    const n = order.length;
    const i = from ? order.indexOf(from) : -1;
    for (let k = 1; k <= n; k++) {
      const el = order[(((i + by * k) % n) + n) % n];
      if (this.marks?.byPath.has(el.dataset.path ?? '')) {
        this.focusOn(el);
        return;
      }
    }
  }

  private openFixes(path = this.active): void {
    const findings: GridFinding[] = path ? (this.marks?.byPath.get(path) ?? []) : [];
    const anchor = elementOf(this.els!, path ?? '') ?? this.detail;
    if (!findings.length) return;
    const request = ++this.fixRequest;
    this.menu.loading(anchor, (fix) => this.bus.post({ type: 'applyFix', request, fix }));
    this.bus.post({ type: 'fixes', request, findings: findings.map((f) => f.id) });
  }

  // ---- mouse and focus -------------------------------------------------------------------

  private onMouseDown(e: MouseEvent): void {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[role=gridcell]');
    if (!td || td.classList.contains('editing')) return;
    if (this.editor.editing) this.commitEditor();
    e.preventDefault();
    this.setActive(td.dataset.path!, true, e.shiftKey);
  }

  private onDoubleClick(e: MouseEvent): void {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[role=gridcell]');
    if (td && !td.classList.contains('editing')) this.edit(td, 'edit');
  }

  private onClick(e: MouseEvent): void {
    const t = e.target as HTMLElement;
    const action = t.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'fix') this.openFixes(this.pathOf(document.activeElement as HTMLElement) ?? this.active);
    else if (action === 'reveal' && this.active) this.bus.post({ type: 'reveal', path: this.active });
    const item = t.closest<HTMLElement>('[data-finding]');
    if (item && this.model) {
      const f = this.model.findings[Number(item.dataset.finding)];
      const target = f?.marks[0] ? elementOf(this.els!, f.marks[0]) : undefined;
      if (target?.matches('td')) this.setActive(f.marks[0]);
      else if (f) this.bus.post({ type: 'reveal', path: f.path });
    }
    if (!t.closest('.menu')) this.menu.close(false);
  }

  private onFocus(el: HTMLElement): void {
    if (el.matches('td[role=gridcell]') && el.dataset.path !== this.active) this.setActive(el.dataset.path, false);
    else this.showDetail();
  }

  private onBlur(el: HTMLElement, next: HTMLElement | null): void {
    if (this.editor.editing && el === this.editor.element && !next?.closest('.menu')) this.commitEditor();
    else if (el.matches(TEXT_SELECTOR)) this.texts.commit(el);
  }

  // ---- clipboard -------------------------------------------------------------------------

  private onCopy(e: ClipboardEvent, cut: boolean): void {
    if (!(document.activeElement as HTMLElement | null)?.matches('td[role=gridcell]')) return;
    const rows = this.range();
    const tsv = toTsv(rows.map((r) => r.map((p) => this.cell(p)?.dataset.edit ?? '')));
    e.clipboardData?.setData('text/plain', tsv);
    e.preventDefault();
    if (cut) this.send(rows.flat().map((path) => ({ path, input: '' })));
  }

  private onPaste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    const inEditor = this.editor.editing && e.target === this.editor.element;
    const onCell = (document.activeElement as HTMLElement | null)?.matches('td[role=gridcell]');
    // One value into an open editor, a field or a section: the browser pastes it.
    if (!onCell && !(inEditor && /[\t\n]/.test(text.replace(/\r?\n$/, '')))) return;
    e.preventDefault();
    const anchorPath = inEditor ? this.editor.path! : this.topLeft();
    if (inEditor) this.editor.cancel();
    const block = parseTsv(text);
    const selection = this.range();
    // One value over a selection fills it, as a spreadsheet does.
    const changes =
      block.length === 1 && block[0].length === 1 && selection.flat().length > 1
        ? selection.flat().map((path) => ({ path, input: block[0][0] }))
        : pasteTargets(this.nav, anchorPath, block).changes;
    const clipped = block.flat().length - changes.length;
    if (clipped > 0 && changes.length < block.flat().length) this.say(fill(this.w.pasteClipped, clipped));
    this.send(changes);
    this.setActive(anchorPath);
  }

  private topLeft(): string {
    return this.range()[0]?.[0] ?? this.active!;
  }
}
