/**
 * ROSTER-MISSING, ROSTER-UNKNOWN: a reviewer's roster (the organs expected to report for a year)
 * against the reports given (SPEC.md §6.1). Not defects of one report: findings of the batch
 * (category 'review'), raised by core/review/batch.ts when `--roster FILE` is given. Organ names
 * are compared by organ identity (core/facts/organ.ts; `id` / `meta.organ_id` first).
 */
import { both, message } from '../../messages/define';
import type { Diagnostic } from '../../types';
import { rule } from '../spec';

export interface RosterMissingData {
  /** The roster entry: `organs.<index>` in the roster file. */
  path: string;
  organ: string;
  organId?: string;
  year: number;
  kind?: string;
}

export interface RosterUnknownData {
  path: string;
  organ: string;
  year: number;
  /** The roster organ the name most resembles (same organ under another region, or a typo), if any. */
  nearest?: string;
}

export const ROSTER_MISSING = rule<RosterMissingData>()({
  code: 'ROSTER-MISSING',
  severity: 'error',
  category: 'review',
  title: both('名单上的机关没有报告', 'An organ on the roster has no report'),
  explain: {
    fires: both(
      '给出名单（`nianbao check --roster FILE`：年度和应报送年报的机关）时，名单上的机关在所给文件中没有该年度的报告。机关按机关标识（`meta.organ_id`）或名称配对，名称去掉对方没有的地区前缀后相同即为同一机关（淮安市洪泽区人民政府 = 洪泽区人民政府）。问题定位在名单文件的该机关一行。',
      'With a roster (`nianbao check --roster FILE`: a year and the organs expected to report), an organ on it has no report of that year among the files given. Organs are matched by `meta.organ_id` or by name, leading region names the other lacks aside (淮安市洪泽区人民政府 = 洪泽区人民政府). The finding points at the organ’s line in the roster.',
    ),
    fix: both(
      '催报，或把报告文件加入检查；机关已撤并、无需报送的，从名单中删去或在审核记录中说明（`nianbao review dismiss`）。',
      'Ask for the report or add its file to the check; if the organ was merged or need not report, take it off the roster or record why (`nianbao review dismiss`).',
    ),
  },
});

export const ROSTER_UNKNOWN = rule<RosterUnknownData>()({
  code: 'ROSTER-UNKNOWN',
  severity: 'info',
  category: 'review',
  title: both('报告的机关不在名单上', "A report's organ is not on the roster"),
  explain: {
    fires: both(
      '给出名单时，一份该年度报告的机关（`meta.organ`）不在名单上：机关名称写错（同名机关在别的地区、错别字），或名单需要补充。',
      'With a roster, a report of its year names an organ (`meta.organ`) that is not on it: a misspelt organ name (another region’s organ of the same name, a typo), or a roster to update.',
    ),
    fix: both(
      '核对 `meta.organ`（或写上 `meta.organ_id`）；确是新机关的，加入名单。',
      'Check `meta.organ` (or give `meta.organ_id`); add a new organ to the roster.',
    ),
  },
});

export const messages = {
  missing: message<{ organ: string; year: number }>(
    (a) => `名单上的“${a.organ}”没有 ${a.year} 年度的报告`,
    (a) => `No ${a.year} report from "${a.organ}", which is on the roster`,
  ),
  unknown: message<{ organ: string; year: number; nearest?: string }>(
    (a) => `“${a.organ}”不在 ${a.year} 年度的名单上${a.nearest ? `（名单上有“${a.nearest}”）` : ''}`,
    (a) => `"${a.organ}" is not on the ${a.year} roster${a.nearest ? ` (the roster has "${a.nearest}")` : ''}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [ROSTER_MISSING, ROSTER_UNKNOWN] as const;

/** The organ and year a roster finding names (a ROSTER-MISSING line of the roster names no report of its own). */
export function rosterSubject(d: Diagnostic): { organ: string; year: number } | undefined {
  if (d.code === ROSTER_MISSING.code || d.code === ROSTER_UNKNOWN.code) return { organ: d.data.organ, year: d.data.year };
  return undefined;
}
