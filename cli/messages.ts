/**
 * Every usage error of the `nianbao` command (a `UsageError`, exit 2) in zh-CN and en
 * (core/messages/define.ts). cli/main.ts prints one in the language it uses for the help text.
 * Option names, rule codes, keys and file names are written as the user types them, in both.
 */
import { message, type Message } from '../core/messages/define';

/** What a config value was instead (config.ts `describe`): its JSON type and, for a scalar, its JSON text. */
export type Got = { got: string; value: string | undefined };

const GOT_ZH: Record<string, string> = {
  null: ' null',
  array: '数组',
  object: '对象',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
};
const GOT_EN: Record<string, string> = { null: 'null', array: 'an array', object: 'an object' };
const gotZh = (a: Got) => `${GOT_ZH[a.got] ?? a.got}${a.value === undefined ? '' : ` ${a.value}`}`;
const gotEn = (a: Got) => GOT_EN[a.got] ?? `${a.got} ${a.value}`;

/** A problem in the `--config` file: the file's name first, then what is wrong with it. */
function inConfig<A extends Record<string, string | undefined> = Record<never, never>>(
  zh: (a: A) => string,
  en: (a: A) => string,
): Message<A & { file: string }> {
  return message<A & { file: string }>(
    (a) => `配置文件 ${a.file}：${zh(a)}`,
    (a) => `config ${a.file}: ${en(a)}`,
  );
}

export const U = {
  // The command line (cli/main.ts, cli/args.ts).
  unknownCommand: message<{ command: string }>(
    (a) => `未知命令 ${a.command}`,
    (a) => `unknown command ${a.command}`,
  ),
  unknownOption: message<{ name: string }>(
    (a) => `未知选项 --${a.name}`,
    (a) => `unknown option --${a.name}`,
  ),
  needsValue: message<{ name: string }>(
    (a) => `--${a.name} 后须跟一个值`,
    (a) => `--${a.name} needs a value`,
  ),
  outputNeedsFile: message(
    () => '-o 后须跟输出文件名',
    () => '-o needs a file name',
  ),
  oneFile: message<{ command: string }>(
    (a) => `${a.command} 须给出一个文件，且只能给出一个`,
    (a) => `${a.command} needs exactly one FILE`,
  ),
  locale: message(
    () => '--locale 须为 zh-CN 或 en',
    () => '--locale must be zh-CN or en',
  ),
  jobs: message(
    () => '--jobs 须为不小于 1 的整数',
    () => '--jobs must be a whole number ≥ 1',
  ),
  top: message(
    () => '--top 须为不小于 0 的整数（0 表示全部）',
    () => '--top must be a whole number (0 = all)',
  ),
  year: message(
    () => '--year 须为年份，如 2024',
    () => '--year must be a year such as 2024',
  ),

  // The commands (cli/commands/*.ts).
  checkFormat: message<{ formats: string }>(
    (a) => `--format 须为 ${a.formats} 之一`,
    (a) => `--format must be ${a.formats}`,
  ),
  needsPath: message<{ command: string }>(
    (a) => `${a.command} 须给出至少一个文件或文件夹`,
    (a) => `${a.command} needs at least one file or folder`,
  ),
  xlsxNeedsOutput: message(
    () => '--format xlsx 输出的是二进制文件：请用 -o FILE.xlsx 指定输出文件（或重定向标准输出）',
    () => '--format xlsx writes a binary file: give -o FILE.xlsx (or redirect stdout)',
  ),
  skeletonFormat: message(
    () => 'skeleton 须指定 --format 2019 或 --format 2021',
    () => 'skeleton needs --format 2019 or --format 2021',
  ),
  fill: message(
    () => '--fill 须为 blank 或 zero',
    () => '--fill must be blank or zero',
  ),
  reviewAction: message<{ actions: string }>(
    (a) => `review 后须跟 ${a.actions} 之一`,
    (a) => `review needs one of ${a.actions}`,
  ),
  reviewFingerprint: message<{ action: string }>(
    (a) => `review ${a.action} 须给出至少一个指纹（16 位十六进制数，见 check --format json 的输出）`,
    (a) => `review ${a.action} needs at least one fingerprint (16 hex digits, from check --format json)`,
  ),
  dismissReason: message(
    () => 'review dismiss 须用 --reason TEXT 说明理由（为什么这不是错误）',
    () => 'review dismiss needs --reason TEXT (why it is not a defect)',
  ),
  exportKind: message(
    () => 'export 须指定 --html 或 --docx（二者选一）',
    () => 'export needs --html or --docx',
  ),
  docxNeedsOutput: message(
    () => 'export --docx 须用 -o OUT.docx 指定输出文件',
    () => 'export --docx needs -o OUT.docx',
  ),

  // The files named by options (cli/batch.ts, cli/config.ts).
  rosterUnreadable: message<{ file: string; reason: string }>(
    (a) => `无法读取名单文件 ${a.file}：${a.reason}`,
    (a) => `cannot read roster ${a.file}: ${a.reason}`,
  ),
  rosterInvalid: message<{ file: string; errorsZh: string; errorsEn: string }>(
    (a) => `名单文件 ${a.file}：${a.errorsZh}`,
    (a) => `roster ${a.file}: ${a.errorsEn}`,
  ),
  configUnreadable: message<{ file: string; reason: string }>(
    (a) => `无法读取配置文件 ${a.file}：${a.reason}`,
    (a) => `cannot read config ${a.file}: ${a.reason}`,
  ),
  configNotObject: inConfig<Got>(
    (a) => `须为 JSON 对象，如 {"severity": {"T3-COMPLETE": "off"}}，而不是${gotZh(a)}`,
    (a) => `must be a JSON object such as {"severity": {"T3-COMPLETE": "off"}}, not ${gotEn(a)}`,
  ),
  configUnknownKey: inConfig<{ key: string }>(
    (a) => `未知的键 "${a.key}"（可用的键：severity（或 rules）、deadlines、reuse）`,
    (a) => `unknown key "${a.key}" (known: severity (or rules), deadlines, reuse)`,
  ),
  configBoth: inConfig(
    () => '"severity" 与 "rules" 是同一项设置，只能给出其中一个',
    () => 'give "severity" or "rules" (the same setting), not both',
  ),
  configSeverityNotObject: inConfig<Got & { key: string }>(
    (a) => `"${a.key}" 须为“规则代码 → 严重程度”的对象，而不是${gotZh(a)}`,
    (a) => `"${a.key}" must be an object of rule code → severity, not ${gotEn(a)}`,
  ),
  configUnknownRule: inConfig<{ key: string; code: string; near: string | undefined }>(
    (a) => `"${a.key}" 中的规则代码 "${a.code}" 不存在（${a.near ? `是否应为 ${a.near}？` : '见 docs/RULES.md'}）`,
    (a) => `unknown rule code "${a.code}" in "${a.key}" (${a.near ? `did you mean ${a.near}?` : 'see docs/RULES.md'})`,
  ),
  configSeverity: inConfig<Got & { code: string }>(
    (a) => `${a.code} 的严重程度须为 error、warning、info 或 off，而不是${gotZh(a)}`,
    (a) => `severity of ${a.code} must be error, warning, info or off, not ${gotEn(a)}`,
  ),
  configDeadlinesNotObject: inConfig<Got>(
    (a) => `"deadlines" 须为“机关类型 → "MM-DD"”的对象，而不是${gotZh(a)}`,
    (a) => `"deadlines" must be an object of organ kind → "MM-DD", not ${gotEn(a)}`,
  ),
  configUnknownKind: inConfig<{ kind: string; kinds: string }>(
    (a) => `"deadlines" 中的机关类型 "${a.kind}" 不存在（可用的类型：${a.kinds}）`,
    (a) => `unknown organ kind "${a.kind}" in "deadlines" (known: ${a.kinds})`,
  ),
  configDeadline: inConfig<Got & { kind: string }>(
    (a) => `${a.kind} 的期限须为 "MM-DD" 格式的日期，如 "03-31"，而不是${gotZh(a)}`,
    (a) => `deadline for ${a.kind} must be a date "MM-DD" such as "03-31", not ${gotEn(a)}`,
  ),
  configReuseNotObject: inConfig<Got>(
    (a) => `"reuse" 须为对象，如 {"threshold": 50, "minChars": 100}，而不是${gotZh(a)}`,
    (a) => `"reuse" must be an object such as {"threshold": 50, "minChars": 100}, not ${gotEn(a)}`,
  ),
  configUnknownReuseKey: inConfig<{ key: string }>(
    (a) => `未知的键 "reuse.${a.key}"（可用的键：threshold、minChars）`,
    (a) => `unknown key "reuse.${a.key}" (known: threshold, minChars)`,
  ),
  configThreshold: inConfig(
    () => 'reuse.threshold 是百分比，须在 1 到 100 之间',
    () => 'reuse.threshold is a percentage, 1 to 100',
  ),
  configMinChars: inConfig(
    () => 'reuse.minChars 是字符数，须为不小于 1 的整数',
    () => 'reuse.minChars is a whole number of characters',
  ),
};
