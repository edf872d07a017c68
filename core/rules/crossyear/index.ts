/** The cross-year family: its check needs a second report, so it runs through core/crossyear (pairing), not the registry's loop. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { crossYearFixes } from './fix';
import { RULES } from './specs';

export const crossyearFamily = family({
  id: 'crossyear',
  title: both('跨年度', 'Across years'),
  example: `this year's 上年结转 ≠ last year's 结转下年度继续办理`,
  rules: RULES,
  fixes: crossYearFixes,
});
