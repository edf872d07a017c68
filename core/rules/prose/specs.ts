/** TXT-T3, TXT-ZERO: counts stated in the narrative against the tables. */
import { both, message } from '../../messages/define';
import { rule } from '../spec';
import type { ClaimKind } from './claims';

export interface ProseData {
  /** The section the sentence is in. */
  path: string;
  section: string;
  kind: ClaimKind;
  sentence: string;
  /** The table cells the sentence speaks of (their sum is compared). */
  cells: string[];
  actual: number;
  stated?: number;
  expected?: number;
  inclCarry?: true;
}

export const TXT_T3 = rule<ProseData>()({
  code: 'TXT-T3',
  severity: 'warning',
  title: both('正文数字与表格不一致', 'A number in the text disagrees with the tables'),
  explain: {
    fires: both(
      '正文中写明的件数（如“共收到政府信息公开申请21件”“被申请行政复议9件”）与表三、表四中对应单元格不一致。只比较含义明确的句子：涉及其他年份、月份、其中某一部分或约数的句子不比较。',
      'A count stated in the narrative (e.g. 共收到政府信息公开申请21件, 被申请行政复议9件) differs from the corresponding Table 3 or 4 cell. Only unambiguous sentences are compared: other years, months, subsets and approximations are skipped.',
    ),
    fix: both(
      '核对正文和表格，以原始台账为准修改其中之一。',
      'Check the text against the table and correct whichever is wrong, going by the case register.',
    ),
  },
});

export const TXT_ZERO = rule<ProseData>()({
  code: 'TXT-ZERO',
  severity: 'info',
  title: both('正文称“没有”，表格却有数', 'The text says none; the table has some'),
  explain: {
    fires: both(
      '正文称“没有收到政府信息公开申请”“未发生行政复议、行政诉讼”等，但表中对应的数不为 0。',
      'The narrative says there were no applications, or no reviews or lawsuits, but the corresponding table cells are not 0.',
    ),
    fix: both('核对正文和表格，修改不正确的一方。', 'Check the text against the table and correct whichever is wrong.'),
  },
});

export const messages = {
  mismatch: message<{ stated: number; cell: string; expected: number }>(
    (a) => `正文写的是 ${a.stated} 件，但表中${a.cell}为 ${a.expected}`,
    (a) => `The text says ${a.stated} but the table has ${a.cell} = ${a.expected}`,
  ),
  mismatchWithCarry: message<{ stated: number; cell: string; carried: string; expected: number }>(
    (a) => `正文写的是 ${a.stated} 件（含上年结转），但表中${a.cell} + “${a.carried}”为 ${a.expected}`,
    (a) => `The text says ${a.stated} (including carry-over) but the table has ${a.cell} + ${a.carried} = ${a.expected}`,
  ),
  zero: message<{ phrase: string; cell: string; actual: number }>(
    (a) => `正文称“${a.phrase}”，但表中${a.cell}为 ${a.actual}`,
    (a) => `The text says "${a.phrase}" but the table has ${a.cell} = ${a.actual}`,
  ),
  cell: message<{ cell: string; value: string; valueEn: string; path: string }>(
    (a) => `${a.cell} = ${a.value}`,
    (a) => `${a.path} = ${a.valueEn}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [TXT_T3, TXT_ZERO] as const;
