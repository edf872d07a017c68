/**
 * Prose against tables (TXT-T3, TXT-ZERO): the counts a narrative section states are read
 * (see prose-claims.ts) and compared with the table cells they describe. A diagnostic
 * underlines the number in the sentence (or the negative phrase) and names the cell.
 * Cells that are not numbers are not compared (the cell rules speak for them).
 * Also runs the content rules of the narrative (content.ts, organ.ts).
 */
import { makeDiagnostic } from '../diagnostic';
import { known } from '../model/cells';
import { cellName } from '../schema/labels';
import { tableOf } from '../schema/tables';
import { narrativeOf, sourceSpan, type Narrative } from '../text/narrative';
import type { RelatedInfo } from '../types';
import type { CheckContext } from './context';
import { checkContent, narrativeSections } from './content';
import { checkOrgan } from './organ';
import { extractClaims, type Claim } from './prose-claims';
import { pathKey } from './relations';

export function checkProse(ctx: CheckContext): void {
  const year = (ctx.report.value as { meta?: { year?: unknown } })?.meta?.year;
  for (const section of narrativeSections(ctx)) {
    const n = narrativeOf(ctx.report, section);
    if (!n?.text) continue;
    for (const claim of extractClaims(n.text, typeof year === 'number' ? year : undefined)) compare(ctx, n, claim);
  }
  checkOrgan(ctx);
  checkContent(ctx);
}

/** The 总计 column key of a table, read from the schema. */
function totalColumn(ctx: CheckContext, table: string, row: string): string | undefined {
  return tableOf(ctx.format, table)
    ?.rows.find((r) => r.rel.length === 1 && r.rel[0] === row)
    ?.columns.find((c) => c.total)?.key;
}

function cellPath(ctx: CheckContext, table: string, row: string): string[] | undefined {
  const col = totalColumn(ctx, table, row);
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
  const phrase = n.text.slice(claim.sentence.start, claim.sentence.end).trim();
  const related = (extra: string[][] = []): RelatedInfo[] =>
    [...paths, ...extra].map((p) => {
      const c = ctx.reader.cell(p);
      return {
        path: pathKey(p),
        span: c.span,
        range: ctx.report.lines.range(c.span),
        message: {
          'zh-CN': `${cellName(ctx.format, p)} = ${c.state === 'number' ? c.value : '空白'}`,
          en: `${p.join('.')} = ${c.state === 'number' ? c.value : 'blank'}`,
        },
      };
    });
  const names = paths.map((p) => `“${cellName(ctx.format, p)}”`).join(' + ');
  const base = { section: n.section, kind: claim.kind, sentence: phrase, cells: paths.map(pathKey), actual };

  if (claim.kind === 'zeroNew' || claim.kind === 'zeroReview' || claim.kind === 'zeroLit') {
    if (actual === 0) return;
    const d = makeDiagnostic(
      ctx.report.lines,
      'TXT-ZERO',
      'txt.zero',
      { phrase: n.text.slice(claim.start, claim.end), cell: names, actual },
      span,
      base,
    );
    d.related = related();
    ctx.out.push(d);
    return;
  }

  const stated = claim.value!;
  if (claim.kind === 'new') {
    const carried = cellPath(ctx, 'applications', 'carried_over');
    const carriedCell = carried ? ctx.reader.cell(carried) : undefined;
    const withCarry = carriedCell && known(carriedCell) ? actual + carriedCell.value! : undefined;
    if (claim.inclCarry && withCarry !== undefined) {
      if (stated === withCarry) return;
      const d = makeDiagnostic(
        ctx.report.lines,
        'TXT-T3',
        'txt.mismatchWithCarry',
        { stated, cell: names, carried: cellName(ctx.format, carried!), expected: withCarry },
        span,
        { ...base, stated, expected: withCarry, inclCarry: true },
      );
      d.related = related([carried!]);
      ctx.out.push(d);
      return;
    }
    if (stated === actual || (!claim.strict && stated === withCarry)) return;
  } else if (stated === actual) return;
  const d = makeDiagnostic(ctx.report.lines, 'TXT-T3', 'txt.mismatch', { stated, cell: names, expected: actual }, span, {
    ...base,
    stated,
    expected: actual,
  });
  d.related = related();
  ctx.out.push(d);
}
