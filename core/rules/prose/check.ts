/**
 * Prose against tables (TXT-T3, TXT-ZERO): the counts a narrative section states are read
 * (claims.ts) and compared with the table cells they describe. A finding underlines the number
 * in the sentence (or the negative phrase) and names the cell. Cells that are not numbers are
 * not compared (the cell rules speak for them).
 */
import { text } from '../../messages/define';
import { known } from '../../model/cells';
import { pathKey } from '../../model/cellReader';
import { cellName } from '../../schema/labels';
import { sectionsOf, tableOf } from '../../schema/tables';
import { narrativeOf, sourceSpan, type Narrative } from '../../text/narrative';
import type { RelatedInfo } from '../../types';
import type { CheckContext } from '../context';
import { extractClaims, type Claim } from './claims';
import { TXT_T3, TXT_ZERO, messages } from './specs';

export function checkProse(ctx: CheckContext): void {
  for (const section of sectionsOf(ctx.format).filter((s) => s.narrative)) {
    const n = narrativeOf(ctx.report, section.key);
    if (!n?.text) continue;
    for (const claim of extractClaims(n.text, ctx.meta.year)) compare(ctx, n, claim);
  }
}

/** The 总计 column key of a table's row, read from the schema. */
function cellPath(ctx: CheckContext, table: string, row: string): string[] | undefined {
  const col = tableOf(ctx.format, table)
    ?.rows.find((r) => r.rel.length === 1 && r.rel[0] === row)
    ?.columns.find((c) => c.total)?.key;
  return col ? [table, row, col] : undefined;
}

/** The table cells a claim is about, summed. */
function cellsFor(ctx: CheckContext, claim: Claim): string[][] | undefined {
  const t3 = 'applications';
  const t4 = 'review_litigation';
  const one = (p: string[] | undefined) => (p ? [p] : undefined);
  switch (claim.kind) {
    case 'new':
    case 'zeroNew':
      return one(cellPath(ctx, t3, 'new_received'));
    case 'carried':
      return one(cellPath(ctx, t3, 'carried_over'));
    case 'forward':
      return one(cellPath(ctx, t3, 'carry_forward'));
    case 'review':
    case 'zeroReview':
      return one(cellPath(ctx, t4, 'review'));
    case 'lit':
    case 'zeroLit': {
      const a = cellPath(ctx, t4, 'lit_direct');
      const b = cellPath(ctx, t4, 'lit_after_review');
      return a && b ? [a, b] : undefined;
    }
  }
}

function compare(ctx: CheckContext, n: Narrative, claim: Claim): void {
  const paths = cellsFor(ctx, claim);
  if (!paths) return;
  const cells = paths.map((p) => ctx.reader.cell(p));
  if (!cells.every(known)) return;
  const actual = cells.reduce((s, c) => s + c.value!, 0);
  const span = sourceSpan(n, claim.start, claim.end);
  const sentence = n.text.slice(claim.sentence.start, claim.sentence.end).trim();
  const related = (extra: string[][] = []): RelatedInfo[] =>
    [...paths, ...extra].map((p) => {
      const c = ctx.reader.cell(p);
      const shown = c.state === 'number' ? String(c.value) : '空白';
      return {
        path: pathKey(p),
        span: c.span,
        range: ctx.report.lines.range(c.span),
        message: text(messages.cell, {
          cell: cellName(ctx.format, p),
          value: shown,
          valueEn: c.state === 'number' ? shown : 'blank',
          path: p.join('.'),
        }),
      };
    });
  const names = paths.map((p) => `“${cellName(ctx.format, p)}”`).join(' + ');
  const base = { path: n.section, section: n.section, kind: claim.kind, sentence, cells: paths.map(pathKey), actual };

  if (claim.kind === 'zeroNew' || claim.kind === 'zeroReview' || claim.kind === 'zeroLit') {
    if (actual === 0) return;
    ctx.emit(TXT_ZERO, messages.zero, { phrase: n.text.slice(claim.start, claim.end), cell: names, actual }, span, base, {
      related: related(),
    });
    return;
  }

  const stated = claim.value!;
  if (claim.kind === 'new') {
    const carried = cellPath(ctx, 'applications', 'carried_over');
    const carriedCell = carried ? ctx.reader.cell(carried) : undefined;
    const withCarry = carriedCell && known(carriedCell) ? actual + carriedCell.value! : undefined;
    if (claim.inclCarry && withCarry !== undefined) {
      if (stated === withCarry) return;
      ctx.emit(
        TXT_T3,
        messages.mismatchWithCarry,
        { stated, cell: names, carried: cellName(ctx.format, carried!), expected: withCarry },
        span,
        { ...base, stated, expected: withCarry, inclCarry: true },
        { related: related([carried!]) },
      );
      return;
    }
    if (stated === actual || (!claim.strict && stated === withCarry)) return;
  } else if (stated === actual) return;
  ctx.emit(
    TXT_T3,
    messages.mismatch,
    { stated, cell: names, expected: actual },
    span,
    { ...base, stated, expected: actual },
    { related: related() },
  );
}
