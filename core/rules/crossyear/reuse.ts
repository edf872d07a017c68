/**
 * X-REUSE: a narrative section that repeats the same section of last year's report (SPEC.md
 * §6.1). Sections 一, 五 and 六 are compared whole (core/text/reuse.ts); when 一 is under the
 * threshold as a whole, each of its sub-parts （一）（二）… present in both years is judged on its
 * own, so a copied sub-part still shows while a copied section is one finding, not one per part.
 */
import { assumedFormat } from '../../facts/formats';
import { text } from '../../messages/define';
import { metaOf } from '../../model/meta';
import type { Report } from '../../model/report';
import { makeDiagnostic } from '../../diagnostic';
import { memo } from '../../memo';
import { labelAt } from '../../schema/labels';
import { narrativeOf, sourceSpan, type Narrative } from '../../text/narrative';
import { compareNormalised, normaliseForReuse, type Normalised, type Reuse } from '../../text/reuse';
import type { Diagnostic, RelatedInfo } from '../../types';
import { REUSE_DEFAULTS, type CheckOptions } from '../options';
import type { PreviousRef } from './check';
import { X_REUSE, messages } from './specs';

/** The narrative sections judged (一 总体情况, 五 问题及改进, 六 其他事项); 四 and the tables are figures. */
const SECTIONS = ['overview', 'problems', 'other_matters'] as const;
/** Only 一 has customary sub-parts: （一）主动公开 … （五）监督保障. */
const WITH_PARTS = 'overview';
/** A sub-part heading at the start of a line: （一）… */
const PART_HEADING = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
/** Characters of the repeated passage quoted in the message (the hover shows it whole). */
const EXCERPT = 40;

interface Piece {
  part?: string;
  /** [start, end) in the narrative's text. */
  start: number;
  end: number;
}

export function checkReuse(current: Report, prev: Report, year: number, ref: PreviousRef, options: CheckOptions): Diagnostic[] {
  const threshold = options.reuse?.threshold ?? REUSE_DEFAULTS.threshold;
  const minChars = options.reuse?.minChars ?? REUSE_DEFAULTS.minChars;
  const format = assumedFormat({ format: current.format, year });
  const lastYear = metaOf(prev).year ?? year - 1;
  const out: Diagnostic[] = [];
  for (const section of SECTIONS) {
    const here = narrativeOf(current, section);
    const there = narrativeOf(prev, section);
    if (!here || !there) continue;
    const whole = judge(here, there, { start: 0, end: here.text.length }, { start: 0, end: there.text.length }, minChars);
    const name = labelAt(format, [section]);
    const emit = (piece: Piece, lastPiece: Piece, r: Reuse) => {
      const d = finding(current, prev, here, there, piece, lastPiece, r, { section, name, year, lastYear, threshold, ref });
      if (d) out.push(d);
    };
    if (whole && percent(whole) > threshold) {
      emit({ start: 0, end: here.text.length }, { start: 0, end: there.text.length }, whole);
      continue;
    }
    if (section !== WITH_PARTS) continue;
    const lastParts = new Map(partsOf(there).map((p) => [p.part, p]));
    for (const piece of partsOf(here)) {
      const lastPiece = lastParts.get(piece.part);
      if (!lastPiece) continue;
      const r = judge(here, there, piece, lastPiece, minChars);
      if (r && percent(r) > threshold) emit(piece, lastPiece, r);
    }
  }
  return out;
}

const percent = (r: Reuse) => Math.round(r.share * 100);

/** The comparison of two pieces, or undefined when this year's piece is too short to judge. */
function judge(here: Narrative, there: Narrative, a: Piece, b: Piece, minChars: number): Reuse | undefined {
  const x = normalised(here, a);
  if (x.chars.length < minChars) return undefined;
  return compareNormalised(x, normalised(there, b));
}

/** Normalised pieces by narrative: in a batch, a year's report is this year's text of one pair and last year's of the next. */
const NORMALISED = new WeakMap<Narrative, Map<string, Normalised>>();

function normalised(n: Narrative, p: Piece): Normalised {
  return memo(NORMALISED, n, `${p.start}:${p.end}`, () => normaliseForReuse(n.text.slice(p.start, p.end)));
}

/** 一's sub-parts: from each （一）… heading at a line start to the next. */
function partsOf(n: Narrative): (Piece & { part: string })[] {
  const out: (Piece & { part: string })[] = [];
  let at = 0;
  for (const line of n.text.split('\n')) {
    const m = PART_HEADING.exec(line);
    if (m) {
      if (out.length) out[out.length - 1].end = at - 1;
      out.push({ part: `（${m[1]}）`, start: at, end: n.text.length });
    }
    at += line.length + 1;
  }
  return out;
}

interface Context {
  section: string;
  name: string;
  year: number;
  lastYear: number;
  threshold: number;
  ref: PreviousRef;
}

function finding(
  current: Report,
  prev: Report,
  here: Narrative,
  there: Narrative,
  piece: Piece,
  lastPiece: Piece,
  r: Reuse,
  c: Context,
): Diagnostic | undefined {
  const p = r.longest;
  if (!p) return undefined;
  const start = piece.start + p.start;
  const end = piece.start + p.end;
  const lastStart = lastPiece.start + p.lastStart;
  const lastEnd = lastPiece.start + p.lastEnd;
  const passage = here.text.slice(start, end);
  const lastPassage = there.text.slice(lastStart, lastEnd);
  const lastSpan = sourceSpan(there, lastStart, lastEnd);
  const related: RelatedInfo = {
    path: c.section,
    span: lastSpan,
    range: prev.lines.range(lastSpan),
    message: text(messages.reuseRelated, { year: c.lastYear, section: c.name }),
    ...(c.ref.uri !== undefined ? { uri: c.ref.uri } : {}),
    ...(c.ref.file !== undefined ? { file: c.ref.file } : {}),
  };
  const excerpt = passage.length > EXCERPT ? `${passage.slice(0, EXCERPT)}…` : passage;
  const args = {
    section: c.name,
    part: piece.part,
    share: percent(r),
    threshold: c.threshold,
    lastYear: c.lastYear,
    longest: p.length,
    excerpt,
  };
  // The message quotes an excerpt; the passages travel whole in `data` (the editor's hover shows them side by side).
  return makeDiagnostic(
    current.lines,
    X_REUSE,
    messages.reuse,
    args,
    sourceSpan(here, start, end),
    {
      path: c.section,
      ...(piece.part ? { part: piece.part } : {}),
      lastPath: c.section,
      year: c.year,
      previousYear: c.lastYear,
      share: percent(r),
      threshold: c.threshold,
      chars: r.length,
      longest: p.length,
      passage,
      lastPassage,
      ...(c.ref.file !== undefined ? { lastFile: c.ref.file } : {}),
      ...(c.ref.uri !== undefined ? { lastUri: c.ref.uri } : {}),
    },
    { related: [related] },
  );
}
