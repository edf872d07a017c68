/** The directive family: suppression comments (applied by rules/run.ts after every check). */
import { both } from '../../messages/define';
import { family } from '../spec';
import { RULES } from './specs';

export const directivesFamily = family({
  id: 'directives',
  title: both('忽略注释', 'Suppression comments'),
  example: '`# nianbao-disable-next-line` with no code',
  rules: RULES,
});
