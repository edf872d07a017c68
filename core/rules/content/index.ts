/** The content family: what the narrative sections must say. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkContent } from './check';
import { RULES } from './specs';

export const contentFamily = family({
  id: 'content',
  title: both('各部分应写的内容', 'What the sections must say'),
  example: 'an empty 五; a government report without 考核、评议、责任追究',
  rules: RULES,
  check: checkContent,
});
