/**
 * The quick fixes of the active cell's findings as a small menu under the cell (ARIA menu:
 * arrows move, Enter applies, Escape closes). The fixes are the language server's code actions,
 * listed and applied by the host; the menu only shows their titles.
 */
import type { FixOffer } from '../../protocol/tableView';
import { h } from './dom';
import type { Words } from './text';

export class FixMenu {
  private items: HTMLElement[] = [];
  private onPick: ((id: number) => void) | undefined;
  private returnFocus: HTMLElement | undefined;

  constructor(
    private readonly el: HTMLElement,
    private readonly w: () => Words,
  ) {
    el.setAttribute('role', 'menu');
    el.hidden = true;
    el.addEventListener('keydown', (e) => this.key(e));
    el.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-fix]');
      if (item) this.pick(Number(item.dataset.fix));
    });
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  /** Shows "looking for fixes…" under `anchor` until `show` fills it. */
  loading(anchor: HTMLElement, onPick: (id: number) => void): void {
    this.returnFocus = anchor;
    this.onPick = onPick;
    this.el.replaceChildren(h('div', { class: 'menu-note', role: 'none' }, this.w().loadingFixes));
    this.place(anchor);
    this.el.hidden = false;
  }

  show(fixes: FixOffer[]): void {
    if (this.el.hidden) return;
    this.items = fixes.map((f) =>
      h('div', { role: 'menuitem', tabindex: -1, 'data-fix': f.id, class: f.preferred ? 'preferred' : '' }, f.title),
    );
    if (this.items.length) this.el.replaceChildren(...this.items);
    else this.el.replaceChildren(h('div', { class: 'menu-note', role: 'none' }, this.w().noFixes));
    (this.items[0] ?? this.el).focus();
    if (!this.items.length) this.el.tabIndex = -1;
  }

  close(refocus = true): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.items = [];
    if (refocus) this.returnFocus?.focus();
  }

  private place(anchor: HTMLElement): void {
    const r = anchor.getBoundingClientRect();
    this.el.style.left = `${Math.round(r.left + window.scrollX)}px`;
    this.el.style.top = `${Math.round(r.bottom + window.scrollY + 2)}px`;
  }

  private pick(id: number): void {
    const cb = this.onPick;
    this.close();
    cb?.(id);
  }

  private key(e: KeyboardEvent): void {
    const i = this.items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const n = this.items.length;
      if (n) this.items[(i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n].focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (i >= 0) this.pick(Number(this.items[i].dataset.fix));
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      this.close();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }
}
