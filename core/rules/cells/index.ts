/** The cell family: every cell on its own, and blank cells in groups. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkCells } from './check';
import { cellFixes } from './fix';
import { RULES } from './specs';

export const cellsFamily = family({
  id: 'cells',
  title: both('单元格', 'Cells'),
  example: 'blank cells (grouped when a whole table, row or column is blank), "137次", "1066730.5元", "0 0"',
  rules: RULES,
  check: checkCells,
  fixes: cellFixes,
});
