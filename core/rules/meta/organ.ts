/**
 * META-ORGAN: the organ's name in the title and the narrative agrees with meta.organ
 * (seed 003: body “双营乡”, signature “长春市双阳区双营子回族乡人民政府”).
 * META-DATE: a publication (signature) date on or before the end of the statistical period.
 */
import { isScalar } from 'yaml';
import { readTitle } from '../../facts/title';
import { locate, spanOf, valueNode } from '../../model/report';
import { sectionsOf } from '../../schema/tables';
import { narrativeOf, sourceSpan } from '../../text/narrative';
import type { CheckContext } from '../context';
import { META_DATE, META_ORGAN, messages } from './specs';

/** Administrative units end in one of these; the last unit of an organ's name is its own. */
const UNIT_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|街道|苏木|省|市|州|盟|地区|区|县|旗|乡|镇)/;
const GOV_SUFFIX = /(?:人民政府|政府|办事处)$/;

/** The name without 人民政府/政府 and whitespace: 淮安市洪泽区人民政府 → 淮安市洪泽区. */
function coreName(organ: string): string {
  return organ.replace(/\s+/g, '').replace(GOV_SUFFIX, '');
}

/** The last administrative unit of a name: 长春市双阳区双营子回族乡 → 双营子回族乡. */
function lastUnit(name: string): string | undefined {
  const units = name.match(new RegExp(`.+?${UNIT_SUFFIX.source}`, 'g'));
  if (!units || units.join('') !== name) return undefined; // ends in 局, 委员会 …: not a government
  return units[units.length - 1];
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

export function checkOrgan(ctx: CheckContext): void {
  const organ = ctx.meta.organ?.trim();
  if (organ) {
    const core = coreName(organ);
    if (ctx.meta.title !== undefined) titleCheck(ctx, organ, core, ctx.meta.title);
    bodyCheck(ctx, organ, core);
  }
  dateCheck(ctx);
}

function titleCheck(ctx: CheckContext, organ: string, core: string, title: string): void {
  const found = readTitle(title).organ;
  if (!found) return;
  const t = coreName(found);
  if (!t || t === core || core.endsWith(t) || t.endsWith(core)) return;
  const loc = locate(ctx.report, ['meta', 'title']);
  const node = loc ? valueNode(ctx.report, loc) : null;
  const whole = spanOf(node);
  if (!whole || !isScalar(node)) return;
  const at = ctx.report.text.slice(whole.start, whole.end).indexOf(found);
  const span = at >= 0 ? { start: whole.start + at, end: whole.start + at + found.length } : whole;
  ctx.emit(META_ORGAN, messages.organTitle, { found, organ }, span, { path: 'meta.title', where: 'meta.title', found, organ });
}

/** Variants of the organ's own unit name in the narrative: 双营乡 for 双营子回族乡. */
function bodyCheck(ctx: CheckContext, organ: string, core: string): void {
  const unit = lastUnit(core);
  if (!unit) return;
  const suffix = UNIT_SUFFIX.exec(unit.slice(-4))![0];
  const stem = unit.slice(0, unit.length - suffix.length);
  if (stem.length < 2) return;
  const head = stem.slice(0, 2);
  const seen = new Set<string>();
  for (const section of sectionsOf(ctx.format).filter((s) => s.narrative)) {
    const n = narrativeOf(ctx.report, section.key);
    if (!n) continue;
    for (let i = n.text.indexOf(head); i >= 0; i = n.text.indexOf(head, i + 1)) {
      const window = n.text.slice(i, i + stem.length + 2 + suffix.length);
      const j = window.indexOf(suffix, 2);
      if (j < 0) continue;
      const mention = window.slice(0, j + suffix.length);
      const mStem = mention.slice(0, j);
      if (mention === unit || seen.has(mention)) continue;
      // A name, not a phrase: no punctuation, digits, particles or other unit words inside.
      if (/[^\u4e00-\u9fff]|[的和与及、乡镇区县市省村街道]/.test(mStem)) continue;
      const [short, long] = mStem.length <= stem.length ? [mStem, stem] : [stem, mStem];
      if (!isSubsequence(short, long)) continue;
      seen.add(mention);
      const span = sourceSpan(n, i, i + mention.length);
      ctx.emit(META_ORGAN, messages.organBody, { found: mention, organ, unit }, span, {
        path: section.key,
        where: section.key,
        found: mention,
        organ,
        expected: unit,
      });
    }
  }
}

function dateCheck(ctx: CheckContext): void {
  const { publishedOn, periodTo, year } = ctx.meta;
  if (publishedOn === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) return;
  const end =
    periodTo !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(periodTo) ? periodTo : year !== undefined ? `${year}-12-31` : undefined;
  if (!end || publishedOn > end) return;
  const loc = locate(ctx.report, ['meta', 'published_on']);
  const span = spanOf(loc?.value) ?? loc?.keySpan;
  if (!span) return;
  ctx.emit(META_DATE, messages.dateEarly, { published: publishedOn, end }, span, {
    path: 'meta.published_on',
    published: publishedOn,
    periodEnd: end,
  });
}
