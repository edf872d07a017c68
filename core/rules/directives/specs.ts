/**
 * DIRECTIVE-*: the suppression comments themselves. `# nianbao-disable-next-line CODE …` in a
 * real YAML comment silences the named codes on the next line; every silenced finding is still
 * counted (and listed in JSON and SARIF), so a reviewer can see and refuse it.
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

export interface DirectiveData {
  /** '' (a directive is about the file, not a cell). */
  path: string;
  /** The line the directive applies to (0-based). */
  line: number;
  codes: string[];
}

export const DIRECTIVE_BARE = rule<DirectiveData>()({
  code: 'DIRECTIVE-BARE',
  severity: 'warning',
  title: both('忽略注释未写规则代码', 'Suppression comment names no rule'),
  explain: {
    fires: both(
      '`# nianbao-disable-next-line` 后面没有写规则代码。这样的注释不忽略任何问题：必须写明要忽略的代码（如 `# nianbao-disable-next-line T3-COMPLETE`），审阅者才能看清忽略了什么。',
      '`# nianbao-disable-next-line` names no rule code. Such a comment silences nothing: name the codes (e.g. `# nianbao-disable-next-line T3-COMPLETE`) so a reviewer can see what is silenced.',
    ),
    fix: both('在注释后写上要忽略的规则代码，或删除该注释。', 'Add the rule codes to the comment, or delete it.'),
  },
});

export const DIRECTIVE_UNKNOWN = rule<DirectiveData>()({
  code: 'DIRECTIVE-UNKNOWN',
  severity: 'warning',
  title: both('忽略注释写了不存在的规则代码', 'Suppression comment names an unknown rule'),
  explain: {
    fires: both(
      '忽略注释中的规则代码不存在（多半是拼写错误），该代码不起作用。',
      'A code in a suppression comment is not a rule code (usually a typo); it silences nothing.',
    ),
    fix: both('改正代码（见 docs/RULES.md），或删除。', 'Correct the code (see docs/RULES.md) or delete it.'),
  },
});

export const DIRECTIVE_UNUSED = rule<DirectiveData>()({
  code: 'DIRECTIVE-UNUSED',
  severity: 'warning',
  noExample: 'fires only with --report-unused-disable-directives; test/unit/directives.test.ts covers it',
  title: both('忽略注释没有忽略任何问题', 'Suppression comment silences nothing'),
  explain: {
    fires: both(
      '（仅在 `--report-unused-disable-directives` 时检查）忽略注释下一行没有它所列代码的问题：问题已修正或注释过时。',
      '(Only with `--report-unused-disable-directives`.) The next line has no finding of the codes the comment names: the problem was fixed, or the comment is stale.',
    ),
    fix: both('删除过时的忽略注释。', 'Delete the stale comment.'),
  },
});

export const messages = {
  bare: message(
    () => '忽略注释没有写规则代码，不起作用：请写明要忽略的代码，如 # nianbao-disable-next-line T3-COMPLETE',
    () =>
      'This suppression comment names no rule code and silences nothing: name the codes, e.g. # nianbao-disable-next-line T3-COMPLETE',
  ),
  unknown: message<{ codes: string }>(
    (a) => `忽略注释中的 ${a.codes} 不是规则代码，不起作用`,
    (a) => `${a.codes} in this suppression comment is not a rule code; it silences nothing`,
  ),
  unused: message<{ codes: string }>(
    (a) => `忽略注释（${a.codes}）的下一行没有这些问题：可以删除`,
    (a) => `The next line has no finding of ${a.codes}: the comment can go`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [DIRECTIVE_BARE, DIRECTIVE_UNKNOWN, DIRECTIVE_UNUSED] as const;
