/** The prose family: the narrative's counts against the tables. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkProse } from './check';
import { RULES } from './specs';

export const proseFamily = family({
  id: 'prose',
  title: both('正文与表格', 'Text against tables'),
  example: '"共收到政府信息公开申请21件" while Table 3 says 17',
  rules: RULES,
  check: checkProse,
});
