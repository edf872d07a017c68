/**
 * YAML-*: the file itself (syntax, duplicate keys, aliases, size, depth, binary data). These are
 * emitted by the parser (core/parse/parse.ts) before any report rule runs; a fatal one stops
 * the other checks.
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

type Doc = { path: '' };

export const YAML_SYNTAX = rule<Doc & { yamlCode?: string; keyword?: string }>()({
  code: 'YAML-SYNTAX',
  severity: 'error',
  title: both('YAML 语法错误', 'YAML syntax error'),
  explain: {
    fires: both(
      '文件不是合法的 YAML：缩进不齐、冒号后缺空格、引号或括号未闭合、制表符缩进等。出现语法错误时其余检查无法可靠进行。',
      'The file is not valid YAML: uneven indentation, a missing space after a colon, an unclosed quote or bracket, tab indentation. The other checks cannot run reliably until it parses.',
    ),
    fix: both(
      '按提示的位置修正语法；用两个空格缩进，不要用制表符；流式行 `{…}` 中每一项用英文逗号分隔。',
      'Fix the syntax at the reported position; indent with two spaces, never tabs; separate the items of a flow row `{…}` with ASCII commas.',
    ),
  },
});

export const YAML_DUPLICATE_KEY = rule<Doc & { yamlCode?: string; key?: string }>()({
  code: 'YAML-DUPLICATE-KEY',
  severity: 'error',
  title: both('重复的键', 'Duplicate key'),
  explain: {
    fires: both(
      '同一个映射中出现两次相同的键（如表三同一行写了两遍）。检查只读取第一个，后一个被忽略。',
      'The same key appears twice in one mapping (e.g. a Table 3 row written twice). The checks read the first one; the later one is ignored.',
    ),
    fix: both('删除或合并重复的一项。', 'Delete or merge the duplicate.'),
  },
});

export const YAML_ALIAS = rule<Doc>()({
  code: 'YAML-ALIAS',
  severity: 'error',
  title: both('别名（alias）过多或不允许', 'Alias abuse'),
  explain: {
    fires: both(
      '使用了 YAML 别名（`&anchor` / `*alias`），或别名展开次数过多（“别名炸弹”）。年报中的数字应逐项写出，别名会让审阅者看不出实际数值。',
      'The report uses YAML anchors and aliases (`&anchor` / `*alias`), or expands them excessively (an "alias bomb"). Figures in a report are written out so reviewers see them.',
    ),
    fix: both('把别名替换为实际数值。', 'Replace each alias by the value it stands for.'),
  },
});

export const YAML_DEPTH = rule<Doc & { depth: number }>()({
  code: 'YAML-DEPTH',
  severity: 'error',
  title: both('嵌套过深', 'Nesting too deep'),
  noExample: 'the example would be a file thousands of levels deep; test/helpers/hostile.ts builds it',
  explain: {
    fires: both(
      '嵌套层数远超年报结构（年报最多约 5 层），多半不是年报文件；为防止卡死，检查已停止。',
      'The nesting is far deeper than a report’s (about 5 levels); the file is probably not a report, and checking stops to stay responsive.',
    ),
    fix: both(
      '确认打开的是年报文件；如是，请按骨架（片段 `nianbao2021` / `年报2021`）的结构重写。',
      'Check that this is a report; if so, restructure it after the skeleton (snippet `nianbao2021` / `年报2021`).',
    ),
  },
});

export const YAML_TOO_LARGE = rule<Doc & { size: number }>()({
  code: 'YAML-TOO-LARGE',
  severity: 'error',
  title: both('文件过大', 'File too large'),
  noExample: 'the example would be a file of over two million characters; test/helpers/hostile.ts builds it',
  explain: {
    fires: both(
      '文件超过 200 万字符。一份年报通常约 2 万字符；为保持编辑器流畅，检查已停止。',
      'The file exceeds 2,000,000 characters. A report is about 20,000; checking stops to keep the editor responsive.',
    ),
    fix: both('拆分文件或删去误粘贴的大段内容。', 'Split the file or remove the pasted bulk.'),
  },
});

export const YAML_BINARY = rule<Doc>()({
  code: 'YAML-BINARY',
  severity: 'error',
  title: both('不是文本文件', 'Not a text file'),
  noExample: 'binary bytes cannot be committed as a readable example; test/helpers/hostile.ts builds them',
  explain: {
    fires: both(
      '文件含有 NUL 或大量控制字符，不是文本（例如把 .docx 改名为 .yaml）。',
      'The file contains NUL or many control characters: it is not text (e.g. a .docx renamed to .yaml).',
    ),
    fix: both(
      '用“导入已发布的年报”命令从 DOCX/HTML/文本导入，或重新保存为 UTF-8 文本。',
      'Use the Import Published Report command for DOCX/HTML/text, or save the file again as UTF-8 text.',
    ),
  },
});

export const messages = {
  syntax: message<{ detail: string }>(
    (a) => `YAML 语法错误：${a.detail}`,
    (a) => `YAML syntax error: ${a.detail}`,
  ),
  duplicate: message<{ key: string }>(
    (a) => `重复的键“${a.key}”：检查只读取第一个，这一个被忽略`,
    (a) => `Duplicate key "${a.key}": the checks read the first one and ignore this one`,
  ),
  alias: message(
    () => '年报中不应使用 YAML 别名（*alias）：请直接写出数值',
    () => 'Reports should not use YAML aliases (*alias): write the values out',
  ),
  aliasBomb: message<{ detail: string }>(
    (a) => `别名展开过多（${a.detail}），已停止检查`,
    (a) => `Too many alias expansions (${a.detail}); checking stopped`,
  ),
  depth: message<{ depth: number; max: number }>(
    (a) => `嵌套层数超过 ${a.max}（约 ${a.depth} 层），不是年报格式，已停止检查`,
    (a) => `Nesting deeper than ${a.max} (about ${a.depth}); not a report, checking stopped`,
  ),
  tooLarge: message<{ size: number; max: number }>(
    (a) => `文件过大（${a.size} 字符，上限 ${a.max}），已停止检查`,
    (a) => `File too large (${a.size} characters, limit ${a.max}); checking stopped`,
  ),
  binary: message(
    () => '文件含有二进制数据，不是 YAML 文本',
    () => 'The file contains binary data; it is not YAML text',
  ),
  notMap: message(
    () => '年报文件的顶层应为键值映射（format、meta、overview …）',
    () => 'A report must be a mapping at the top level (format, meta, overview …)',
  ),
  empty: message(
    () => '文件为空：缺少报告的全部内容（可用骨架片段 nianbao2021 / 年报2021 生成）',
    () => 'The file is empty: every report section is missing (insert the nianbao2021 skeleton snippet)',
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [YAML_SYNTAX, YAML_DUPLICATE_KEY, YAML_ALIAS, YAML_DEPTH, YAML_TOO_LARGE, YAML_BINARY] as const;
