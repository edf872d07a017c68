/**
 * Editing one cell in place: an input over the cell's text. Typing on a selected cell starts it
 * with the key typed (`replace`: arrows then commit and move, as in a spreadsheet); F2, Enter or a
 * double click start it with the cell's text (`edit`: arrows move the caret). Escape cancels.
 */
export type EditMode = 'replace' | 'edit';

export interface Commit {
  path: string;
  input: string;
}

export class CellEditor {
  private input: HTMLInputElement | undefined;
  private td: HTMLTableCellElement | undefined;
  private original = '';
  mode: EditMode = 'edit';

  get editing(): boolean {
    return this.input !== undefined;
  }

  get path(): string | undefined {
    return this.td?.dataset.path;
  }

  get element(): HTMLInputElement | undefined {
    return this.input;
  }

  start(td: HTMLTableCellElement, mode: EditMode, initial?: string): void {
    this.cancel();
    this.td = td;
    this.mode = mode;
    this.original = td.dataset.edit ?? '';
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-input';
    input.spellcheck = false;
    input.setAttribute('aria-label', td.getAttribute('aria-label') ?? '');
    input.value = initial ?? this.original;
    td.classList.add('editing');
    td.append(input);
    this.input = input;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }

  /** Ends the edit; the input when it differs from what the cell held. */
  commit(): Commit | undefined {
    const input = this.input;
    const td = this.td;
    if (!input || !td) return undefined;
    const value = input.value;
    this.close();
    return value !== this.original ? { path: td.dataset.path!, input: value } : undefined;
  }

  cancel(): void {
    this.close();
  }

  private close(): void {
    // Forget the input before removing it: a focusout it fires on the way is not a commit.
    const { td, input } = this;
    this.input = undefined;
    this.td = undefined;
    input?.remove();
    td?.classList.remove('editing');
  }
}
