/** The document family: year, organ, dates, deadline. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkDeadline, checkYear } from './check';
import { checkOrgan } from './organ';
import { RULES } from './specs';
import { checkYearText } from './yearText';

export const metaFamily = family({
  id: 'meta',
  title: both('标题、机关与日期', 'Title, organ and dates'),
  example: 'published after 1月31日 / 3月31日 (第四十九条); the title says 2019 in a 2020 report',
  rules: RULES,
  check(ctx) {
    checkYear(ctx);
    checkYearText(ctx);
    checkDeadline(ctx);
    checkOrgan(ctx);
  },
});
