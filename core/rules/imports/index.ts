/** The import family: codes of what the importer could not read (raised by import/, shown apart). */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkImports } from './check';
import { RULES } from './specs';

export const importFamily = family({
  id: 'import',
  title: both('导入', 'Import'),
  example: 'a row `nianbao import` could not place; a scanned PDF',
  rules: RULES,
  check: checkImports,
});
