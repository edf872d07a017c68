/**
 * The repair plan of a checked report (SPEC.md §6, fix policy): which edits fix-all may apply
 * to the failing sums, and which cell is the likely culprit when it may not.
 *
 * - Only derived cells (the totals: targets of sum relations) are repaired, and only from
 *   relations whose every cell holds an exact number: a blank, text or too-large cell is never
 *   summed.
 * - Failing relations that share cells (directly or through a relation that holds now) form a
 *   component. Its repair is the smallest set of total edits after which every relation of the
 *   component and every relation touching an edited cell holds; it is applied only when it is
 *   the only such set of that size. So a total that another relation corroborates is never
 *   overwritten (the edit would break that relation), and an ambiguous case is left alone.
 * - When the failing relations of a component all run through one cell and one value of that
 *   cell makes them all hold (breaking nothing), that cell is the suspect: offered as a
 *   suggestion, never applied by fix-all (clean-2019 with 71 typed for 17: both the row total and
 *   the column total are 54 over; the culprit is the cell, not the totals).
 * - Values written are non-negative safe integers for counts (signed cells may be negative).
 */
import type { CellReader } from '../model/cellReader';
import { pathKey } from '../model/cellReader';
import type { Report } from '../model/report';
import { evaluate, instancesByCell, instancesOf, type Instance, type Outcome } from '../rules/tables/relations';
import type { FormatId } from '../types';
import type { FixContext } from './context';

export interface CellChange {
  path: string;
  value: number;
}

export interface Component {
  /** The failing relations. */
  failing: Instance[];
  /** The unique smallest repair, when there is one. */
  repair?: CellChange[];
  /** The likely culprits (a cell every failing relation runs through). */
  suspects: (CellChange & { diff: number })[];
}

export interface RepairPlan {
  components: Component[];
  /** The component of each failing relation instance. */
  byInstance: Map<Instance, Component>;
}

/** Combinations tried per component before the search gives up (and repairs nothing). */
const MAX_TRIALS = 20_000;

const planCache = new WeakMap<Report, Map<FormatId, RepairPlan>>();

export function repairPlan(fx: FixContext): RepairPlan {
  let byFormat = planCache.get(fx.report);
  if (!byFormat) {
    byFormat = new Map();
    planCache.set(fx.report, byFormat);
  }
  const hit = byFormat.get(fx.format);
  if (hit) return hit;
  const plan = makePlan(fx.reader, instancesOf(fx.report, fx.format));
  byFormat.set(fx.format, plan);
  return plan;
}

function makePlan(reader: CellReader, instances: Instance[]): RepairPlan {
  const outcomes = new Map<Instance, Outcome>(instances.map((i) => [i, evaluate(reader, i)]));
  const failing = instances.filter((i) => {
    const o = outcomes.get(i)!;
    return o.decided && !o.ok;
  });
  const byCell = instancesByCell(instances);
  const derived = new Set(instances.filter((i) => i.target).map((i) => pathKey(i.target!)));
  const candidates = new Map<Instance, CellChange[]>(failing.map((i) => [i, candidatesOf(reader, i, outcomes.get(i)!, derived)]));
  const components = componentsOf(failing, candidates, byCell);
  const plan: RepairPlan = { components: [], byInstance: new Map() };
  for (const group of components) {
    const c: Component = { failing: group, suspects: suspectsOf(reader, group, outcomes, byCell) };
    const pool = dedupe(group.flatMap((i) => candidates.get(i)!));
    c.repair = search(reader, group, pool, byCell);
    plan.components.push(c);
    for (const i of group) plan.byInstance.set(i, c);
  }
  return plan;
}

/** Is `v` a value the cell may hold: a safe integer, non-negative unless the cell is signed. */
function writable(reader: CellReader, path: string, v: number): boolean {
  const cell = reader.cell(path.split('.'));
  if (!Number.isSafeInteger(v)) return false;
  return cell.kind === 'signed' || (cell.kind === 'count' && v >= 0);
}

/** The total edits that would make one failing equation hold, its other cells as they are. */
function candidatesOf(reader: CellReader, inst: Instance, o: Outcome, derived: Set<string>): CellChange[] {
  if (inst.kind !== 'eq' || o.unknown.length) return []; // never sum a blank or text cell
  const diff = o.leftKnown - o.rightKnown;
  const out: CellChange[] = [];
  for (const [side, paths] of [
    [1, inst.left],
    [-1, inst.right],
  ] as const) {
    for (const p of paths) {
      const k = pathKey(p);
      if (!derived.has(k)) continue;
      const v = reader.cell(p).value! - side * diff;
      if (writable(reader, k, v)) out.push({ path: k, value: v });
    }
  }
  return out;
}

function dedupe(changes: CellChange[]): CellChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = `${c.path}=${c.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Failing relations joined when they share a cell, or when their candidate cells meet in one
 * relation (two totals of one row both needing a change are one problem).
 */
function componentsOf(
  failing: Instance[],
  candidates: Map<Instance, CellChange[]>,
  byCell: Map<string, Instance[]>,
): Instance[][] {
  const parent = new Map<Instance, Instance>(failing.map((i) => [i, i]));
  const find = (i: Instance): Instance => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(i, r);
    return r;
  };
  const join = (a: Instance, b: Instance) => parent.set(find(a), find(b));
  const failingSet = new Set(failing);
  /** The failing relations reachable from a cell: directly, or through a relation the cell is in. */
  const touching = (path: string): Instance[] => (byCell.get(path) ?? []).filter((i) => failingSet.has(i));
  const firstOwner = new Map<string, Instance>();
  for (const inst of failing) {
    const cells = [...inst.left, ...inst.right].map(pathKey);
    for (const c of cells) {
      const owner = firstOwner.get(c);
      if (owner) join(owner, inst);
      else firstOwner.set(c, inst);
    }
    for (const cand of candidates.get(inst)!) {
      for (const rel of byCell.get(cand.path) ?? []) {
        for (const other of [...rel.left, ...rel.right].map(pathKey)) {
          for (const f of touching(other)) if (candidates.get(f)!.some((x) => x.path === other)) join(inst, f);
        }
      }
    }
  }
  const groups = new Map<Instance, Instance[]>();
  for (const i of failing) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/** Do all the relations hold with `overrides`? */
function allHold(reader: CellReader, insts: Iterable<Instance>, overrides: Map<string, number>): boolean {
  for (const i of insts) if (!evaluate(reader, i, overrides).ok) return false;
  return true;
}

/** The unique smallest set of candidate edits after which the component and everything it touches holds. */
function search(
  reader: CellReader,
  group: Instance[],
  pool: CellChange[],
  byCell: Map<string, Instance[]>,
): CellChange[] | undefined {
  if (!pool.length) return undefined;
  let trials = 0;
  for (let size = 1; size <= Math.min(pool.length, group.length * 2); size++) {
    const found: CellChange[][] = [];
    for (const combo of combinations(pool, size)) {
      if (++trials > MAX_TRIALS) return undefined;
      const overrides = new Map<string, number>();
      if (combo.some((c) => overrides.has(c.path) || !overrides.set(c.path, c.value))) continue; // two values for one cell
      const scope = new Set<Instance>(group);
      for (const c of combo) for (const i of byCell.get(c.path) ?? []) scope.add(i);
      if (allHold(reader, scope, overrides)) found.push(combo);
      if (found.length > 1) return undefined; // ambiguous: leave it to a person
    }
    if (found.length === 1) return found[0];
  }
  return undefined;
}

function* combinations<T>(items: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) {
    acc.push(items[i]);
    yield* combinations(items, k, i + 1, acc);
    acc.pop();
  }
}

/** A cell every failing relation of the component runs through, whose one value would make them all hold. */
function suspectsOf(
  reader: CellReader,
  group: Instance[],
  outcomes: Map<Instance, Outcome>,
  byCell: Map<string, Instance[]>,
): (CellChange & { diff: number })[] {
  if (group.length < 2 || group.some((i) => i.kind !== 'eq' || outcomes.get(i)!.unknown.length)) return [];
  const sets = group.map((i) => new Set([...i.left, ...i.right].map(pathKey)));
  const common = [...sets[0]].filter((c) => sets.every((s) => s.has(c)));
  const out: (CellChange & { diff: number })[] = [];
  for (const path of common) {
    const cell = reader.cell(path.split('.'));
    if (cell.state !== 'number') continue;
    // The value each failing relation wants for this cell; they must agree.
    const wanted = new Set(
      group.map((i) => {
        const o = outcomes.get(i)!;
        const diff = o.leftKnown - o.rightKnown;
        return i.left.some((p) => pathKey(p) === path) ? cell.value! - diff : cell.value! + diff;
      }),
    );
    if (wanted.size !== 1) continue;
    const value = [...wanted][0];
    if (!writable(reader, path, value)) continue;
    if (!allHold(reader, byCell.get(path) ?? [], new Map([[path, value]]))) continue;
    out.push({ path, value, diff: Math.abs(cell.value! - value) });
  }
  return out;
}
