/** The review family: a batch against a reviewer's roster. Its check needs every report and the roster, so it runs in core/review/batch.ts, not in the registry's loop. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { RULES } from './specs';

export const reviewFamily = family({
  id: 'review',
  title: both('名单核对', 'Roster'),
  example: 'an organ on the roster sent no report; a report from an organ not on it',
  rules: RULES,
});
