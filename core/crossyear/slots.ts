/**
 * Organ + year → file names: the one rule for which reports pair across years. A report pairs
 * with the reports of the same organ (`sameIdentity`) for the year asked, smallest name first.
 * Plain data (names and identities), so the CLI's worker pool can pair reports whose models
 * live in other threads exactly as ReportIndex pairs the loaded ones.
 */
import { sameIdentity, type ReportIdentity } from './identity';

const slot = (key: string, year: number) => `${key}\u0000${year}`;

export class IdentitySlots {
  private readonly ids = new Map<string, ReportIdentity | undefined>();
  private readonly bySlot = new Map<string, Set<string>>();

  /** Adds (or re-adds) a name; an undefined identity is remembered but pairs with nothing. */
  add(uri: string, identity: ReportIdentity | undefined): void {
    this.remove(uri);
    this.ids.set(uri, identity);
    if (!identity) return;
    const s = slot(identity.key, identity.year);
    let set = this.bySlot.get(s);
    if (!set) {
      set = new Set();
      this.bySlot.set(s, set);
    }
    set.add(uri);
  }

  remove(uri: string): boolean {
    if (!this.ids.has(uri)) return false;
    const old = this.ids.get(uri);
    this.ids.delete(uri);
    if (old) {
      const s = slot(old.key, old.year);
      const set = this.bySlot.get(s);
      set?.delete(uri);
      if (set && !set.size) this.bySlot.delete(s);
    }
    return true;
  }

  /** The names of that organ and year, smallest first. */
  find(organ: ReportIdentity, year: number): string[] {
    return [...(this.bySlot.get(slot(organ.key, year)) ?? [])].sort().filter((u) => {
      const id = this.ids.get(u);
      return id !== undefined && sameIdentity(id, organ);
    });
  }

  /** Every slot's names (one organ bucket and year each; members may still be different organs). */
  slots(): Iterable<Set<string>> {
    return this.bySlot.values();
  }
}
