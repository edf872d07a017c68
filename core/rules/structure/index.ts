/** The template family: format against year and mixed templates, section order, extra rows. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkFormat, checkStructure } from './check';
import { RULES } from './specs';

export const structureFamily = family({
  id: 'structure',
  title: both('格式与结构', 'Format and structure'),
  example: 'a 2022 report in the 2019 template; a missing 六; a section out of order',
  rules: RULES,
  check(ctx) {
    checkFormat(ctx);
    checkStructure(ctx);
  },
});
