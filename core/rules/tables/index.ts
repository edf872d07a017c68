/** The arithmetic family (勾稽关系): the schemas' sum relations, one evaluator, fixes from the repair plan. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkTables } from './check';
import { relationFixes } from './fix';
import { RULES } from './specs';

export const tablesFamily = family({
  id: 'tables',
  title: both('勾稽关系', 'Reconciliation'),
  example: '第一项+第二项 ≠ 第三项+第四项; （七）总计 ≠ the sum of the results; 现行有效件数 < 本年制发件数 − 本年废止件数',
  rules: RULES,
  check: checkTables,
  fixes: relationFixes,
});
