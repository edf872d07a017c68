/** The YAML family: its rules are emitted by the parser, so it has no check of its own. */
import { both } from '../../messages/define';
import { family } from '../spec';
import { RULES } from './specs';

export const yamlFamily = family({
  id: 'yaml',
  title: both('YAML 文件', 'The YAML file'),
  example: 'broken YAML, duplicate keys, aliases, binary or huge files',
  rules: RULES,
});
