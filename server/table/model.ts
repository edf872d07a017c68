/**
 * `nianbao/table`: the table editor's model of a document, from the analysis every other feature
 * shares (no second check): the official layout filled with cells (grid.ts), the fields (fields.ts),
 * the findings mapped to what they mark (findings.ts), the computed sums of the totals (../sums.ts).
 */
import type { TableModel } from '../../protocol/table';
import { documentLayout } from '../../render';
import type { Analysis } from '../documents';
import { sumsOf } from '../sums';
import { fieldGroups } from './fields';
import { gridFindings, markablePaths } from './findings';
import { gridSection } from './grid';

export function tableModel(a: Analysis): TableModel {
  const report = a.result.report;
  const layout = documentLayout(report, a.format);
  const sections = layout.sections.map((s) => gridSection(report, a.format, s));
  const fields = fieldGroups(report, a.format);
  const ds = a.result.diagnostics;
  const count = (s: string) => ds.filter((d) => d.severity === s).length;
  return {
    uri: a.uri,
    version: a.version,
    locale: a.settings.locale,
    format: a.format,
    title: layout.title,
    fields,
    sections,
    findings: gridFindings(ds, a.settings.locale, markablePaths(sections, fields)),
    sums: [...sumsOf(a).entries()].flatMap(([path, infos]) =>
      infos.map((s) => ({
        path,
        rule: s.rule,
        each: s.each,
        computed: s.computed,
        reported: s.reported,
        blanks: s.blanks,
        ok: s.ok,
      })),
    ),
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}
