/**
 * YAML-*: the file itself (syntax, duplicate keys, aliases, size, depth, binary data). These are
 * emitted by the parser (core/parse/parse.ts) before any report rule runs; a fatal one stops
 * the other checks.
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

type Doc = { path: '' };

export const YAML_SYNTAX = rule<
  Doc & { yamlCode?: string; keyword?: string; hint?: 'fullwidth-colon' | 'nbsp' | 'ideographic-space' }
>()({
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

export const YAML_DUPLICATE_KEY = rule<Doc & { yamlCode?: string; key?: string; uses?: 'last' }>()({
  code: 'YAML-DUPLICATE-KEY',
  severity: 'error',
  title: both('重复的键', 'Duplicate key'),
  explain: {
    fires: both(
      '同一个映射中出现两次相同的键（如表三同一行写了两遍）。检查使用最后一个的值（与 YAML 读出的值一致），前面的被忽略。',
      'The same key appears twice in one mapping (e.g. a Table 3 row written twice). The checks use the last one (as the YAML value does); earlier ones are ignored.',
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

export const YAML_TOO_LARGE = rule<Doc & { size?: number; bytes?: number; values?: number }>()({
  code: 'YAML-TOO-LARGE',
  severity: 'error',
  title: both('文件过大', 'File too large'),
  noExample: 'the example would be a file of over two million characters; test/helpers/hostile.ts builds it',
  explain: {
    fires: both(
      '文件超过 200 万字符（或 15 万个值）。一份年报通常约 2 万字符、约 1000 个值；为保持编辑器流畅，检查已停止。',
      'The file exceeds 2,000,000 characters (or 150,000 values). A report is about 20,000 characters and 1,000 values; checking stops to keep the editor responsive.',
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

export const YAML_ENCODING = rule<Doc & { encoding?: string; bom?: boolean; replacement?: true }>()({
  code: 'YAML-ENCODING',
  severity: 'info',
  title: both('文件不是 UTF-8 编码', 'File is not UTF-8'),
  noExample: 'an example would have to be a GB18030 file; test/unit/encoding.test.ts builds them',
  explain: {
    fires: both(
      '从磁盘读取的年报不是 UTF-8 编码（GB18030/GBK 或 UTF-16）：nianbao 按其编码读取并提示（info），fix 按原编码和 BOM 写回；无法按任何支持的编码解码的字节为错误（error）；文本中出现替换字符 U+FFFD（文件曾按错误编码打开或保存，原文已丢失）为警告。编辑器中打开的文档由编辑器解码，只能发现 U+FFFD。',
      'A report read from disk is not UTF-8 (GB18030/GBK or UTF-16): nianbao reads it in that encoding and says so (info); fix writes it back in the same encoding and BOM. Bytes no supported encoding decodes are an error; a replacement character U+FFFD in the text (the file was opened or saved in the wrong encoding and the original characters are lost) is a warning. Documents open in an editor are decoded by the editor, so only U+FFFD can be seen there.',
    ),
    fix: both(
      '另存为 UTF-8（VS Code：右下角编码 → 通过编码保存 → UTF-8）；出现 U+FFFD 时从原件恢复并用正确的编码重新打开。',
      'Save the file as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8); for U+FFFD, restore the original and reopen it in the right encoding.',
    ),
  },
});

export const messages = {
  duplicateUsesLast: message<{ key: string; firstLine: number; lastLine: number }>(
    (a) => `重复的键“${a.key}”（第 ${a.firstLine} 行已有）：检查使用最后一个（第 ${a.lastLine} 行）的值，前面的被忽略`,
    (a) =>
      `Duplicate key "${a.key}" (also on line ${a.firstLine}): the checker uses the last one (line ${a.lastLine}); earlier ones are ignored`,
  ),
  fullwidthColon: message<{ line: number; key: string }>(
    (a) => `第${a.line}行的键后用了全角冒号“：”，应为半角“: ”（冒号后加一个空格）`,
    (a) =>
      `Line ${a.line}: the key "${a.key}" is followed by a full-width colon "："; YAML needs an ASCII colon and a space ": "`,
  ),
  nbsp: message<{ line: number; char: string }>(
    (a) =>
      `第${a.line}行的键中有${a.char === 'U+3000' ? '全角空格（U+3000）' : '不间断空格（U+00A0）'}：YAML 的缩进和冒号后只能用普通半角空格`,
    (a) =>
      `Line ${a.line}: ${a.char === 'U+3000' ? 'an ideographic space (U+3000)' : 'a no-break space (U+00A0)'} in a key: YAML indentation and the space after a colon must be plain spaces`,
  ),
  encoding: message<{ encoding: string; bom: number }>(
    (a) =>
      `文件编码为 ${a.encoding}${a.bom ? '（带 BOM）' : ''}，不是 UTF-8：已按 ${a.encoding} 读取；nianbao fix 会按原编码写回。其他工具可能按 UTF-8 打开而显示乱码，建议另存为 UTF-8`,
    (a) =>
      `The file is encoded in ${a.encoding}${a.bom ? ' (with BOM)' : ''}, not UTF-8: read as ${a.encoding}; nianbao fix writes it back in the same encoding. Other tools may open it as UTF-8 and show garbage; consider saving it as UTF-8`,
  ),
  encodingInvalid: message<{ byte: number }>(
    (a) =>
      `文件从第 ${a.byte} 字节起既不是 UTF-8、UTF-16 也不是 GB18030/GBK 编码，无法正确读取（显示为 �）；nianbao fix 不会修改此文件`,
    (a) =>
      `From byte ${a.byte} the file is neither UTF-8, UTF-16 nor GB18030/GBK and cannot be read correctly (shown as �); nianbao fix will not change it`,
  ),
  replacementChar: message<{ line: number }>(
    (a) =>
      `第${a.line}行含有替换字符“�”（U+FFFD）：文件曾按错误的编码打开或保存（如 GBK 文件按 UTF-8 打开），原来的文字已丢失；请从原件恢复，在编辑器中用正确的编码（GB18030）重新打开`,
    (a) =>
      `Line ${a.line} holds the replacement character "�" (U+FFFD): the file was opened or saved in the wrong encoding (e.g. GBK read as UTF-8) and the original characters are lost; restore it from the original and reopen it with the right encoding (GB18030)`,
  ),
  tooLargeFile: message<{ bytes: number; max: number; maxChars: number }>(
    (a) => `文件过大（${a.bytes} 字节，超过 ${a.max} 字节：一定超过 ${a.maxChars} 字符的上限），未读取，已停止检查`,
    (a) =>
      `File too large (${a.bytes} bytes, over ${a.max}: certainly over the ${a.maxChars}-character limit); not read, checking stopped`,
  ),
  tooManyValues: message<{ line: number; max: number }>(
    (a) => `值过多：到第 ${a.line} 行已超过 ${a.max} 个（一份年报约 1000 个），不是年报，已停止检查`,
    (a) => `Too many values: over ${a.max} by line ${a.line} (a report has about 1,000); not a report, checking stopped`,
  ),
  syntax: message<{ detail: string }>(
    (a) => `YAML 语法错误：${a.detail}`,
    (a) => `YAML syntax error: ${a.detail}`,
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
export const RULES = [
  YAML_SYNTAX,
  YAML_DUPLICATE_KEY,
  YAML_ALIAS,
  YAML_DEPTH,
  YAML_TOO_LARGE,
  YAML_BINARY,
  YAML_ENCODING,
] as const;
