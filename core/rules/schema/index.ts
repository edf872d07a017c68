/** The schema family: SCHEMA-* from the format's JSON Schema. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { checkSchema } from './check';
import { RULES } from './specs';

export const schemaFamily = family({
  id: 'schema',
  title: both('结构与类型', 'Structure and types'),
  example: 'wrong types, unknown keys, a missing `meta.year`',
  rules: RULES,
  check: checkSchema,
});
