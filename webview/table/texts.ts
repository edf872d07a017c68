/**
 * The fields (meta, fees) and the narrative sections: what is typed is written after a short
 * quiet time, on leaving, or with Ctrl+S (so a save never misses it); a section's text area grows
 * with its text; Escape in a field puts back what the document says.
 */
import type { CellChange } from '../../protocol/table';

/** Quiet time before a field or section being typed is written into the document. */
const TYPING_COMMIT_MS = 400;

export const TEXT_SELECTOR = '[data-field], textarea[data-path]';

export class TextInputs {
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly send: (changes: CellChange[], save?: boolean) => void) {}

  /** An `input` event: marks the element as holding unwritten text and (re)starts its timer. */
  typed(el: HTMLElement): void {
    const path = el.dataset.path!;
    el.dataset.dirty = '1';
    if (el instanceof HTMLTextAreaElement) fit(el);
    clearTimeout(this.typing.get(path));
    this.typing.set(
      path,
      setTimeout(() => this.commit(el), TYPING_COMMIT_MS),
    );
  }

  /** A select's `change`: written at once. */
  chosen(el: HTMLSelectElement): void {
    el.dataset.dirty = '1';
    this.commit(el);
  }

  dirty(el: HTMLElement): boolean {
    return el.dataset.dirty !== undefined;
  }

  /** Writes the element's text if it has unwritten text (and saves, when asked, in any case). */
  commit(el: HTMLElement, save = false): void {
    const path = el.dataset.path;
    if (!path) return;
    clearTimeout(this.typing.get(path));
    this.typing.delete(path);
    const dirty = this.dirty(el);
    delete el.dataset.dirty;
    if (!dirty && !save) return;
    this.send(dirty ? [{ path, input: (el as HTMLInputElement).value }] : [], save);
  }

  /** Forgets what was typed into a field: it shows `value` (the document's) again. */
  revert(el: HTMLInputElement | HTMLSelectElement, value: string): void {
    clearTimeout(this.typing.get(el.dataset.path ?? ''));
    delete el.dataset.dirty;
    el.value = value;
  }
}

/** A text area grows with its text, so a section reads as a whole. */
export function fit(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}
