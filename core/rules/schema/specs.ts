/** SCHEMA-*: structure and types against the format's JSON Schema (ajv, compiled at build time). */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

export const SCHEMA_TYPE = rule<{ path: string; expected?: string[]; actual?: string; found?: string; keyword?: string }>()({
  code: 'SCHEMA-TYPE',
  severity: 'error',
  title: both('类型错误', 'Wrong type'),
  explain: {
    fires: both(
      '某项的类型与格式不符，如 `year` 写成了文字、`meta` 写成了字符串。表格单元格中的文字由 T*-COMPLETE / T*-NONNEG / 单位规则报告，不在此列。',
      'A value has the wrong type, e.g. `year` written as text or `meta` as a string. Text inside table cells is reported by the T*-COMPLETE / T*-NONNEG / unit rules instead.',
    ),
    fix: both('按提示改为正确的类型（数字、文字或映射）。', 'Change the value to the expected type (number, text or mapping).'),
  },
});

export const SCHEMA_ENUM = rule<{ path: string; allowed: string[] }>()({
  code: 'SCHEMA-ENUM',
  severity: 'error',
  title: both('取值不在允许范围内', 'Value not allowed'),
  explain: {
    fires: both(
      '取值不在允许范围内，如 `organ_kind` 写了未定义的机关类型。',
      'A value is not one of the allowed ones, e.g. an undefined `organ_kind`.',
    ),
    fix: both('从提示列出的取值中选择一个（输入时可用自动完成）。', 'Pick one of the listed values (completion offers them).'),
  },
});

export const SCHEMA_UNKNOWN = rule<{ path: string; extra: string }>()({
  code: 'SCHEMA-UNKNOWN',
  severity: 'error',
  title: both('未知的键', 'Unknown key'),
  explain: {
    fires: both(
      '出现了格式中没有的键，多半是拼写错误或放错了位置。',
      'A key that the format does not define; usually a typo or a key in the wrong place.',
    ),
    fix: both(
      '改正拼写或移到正确的位置；确需非模板行时，写在 `extra_rows` 下。',
      'Correct the spelling or move it; rows that are genuinely outside the template go under `extra_rows`.',
    ),
  },
});

export const SCHEMA_REQUIRED = rule<{ path: string; missing: string }>()({
  code: 'SCHEMA-REQUIRED',
  severity: 'error',
  title: both('缺少必填项', 'Missing required key'),
  explain: {
    fires: both('缺少必填项，如 `meta.organ` 或 `meta.year`。', 'A required key is missing, e.g. `meta.organ` or `meta.year`.'),
    fix: both(
      '补上缺少的键；用快速修复或骨架片段可插入完整结构。',
      'Add the key; the skeleton snippet shows the full structure.',
    ),
  },
});

export const SCHEMA_RANGE = rule<{ path: string; limit: unknown }>()({
  code: 'SCHEMA-RANGE',
  severity: 'error',
  title: both('数值超出范围', 'Value out of range'),
  explain: {
    fires: both('数值超出允许范围，如年度早于 2008 年。', 'A number is out of range, e.g. a year before 2008.'),
    fix: both('改为范围内的数值。', 'Use a value within the range.'),
  },
});

export const SCHEMA_FORMAT = rule<{ path: string; pattern: unknown }>()({
  code: 'SCHEMA-FORMAT',
  severity: 'error',
  title: both('格式错误', 'Malformed value'),
  explain: {
    fires: both('格式不对，如日期没有写成 `YYYY-MM-DD`。', 'A malformed value, e.g. a date not written as `YYYY-MM-DD`.'),
    fix: both('按提示的格式改写，如 `2023-03-28`。', 'Rewrite it in the stated form, e.g. `2023-03-28`.'),
  },
});

export const messages = {
  type: message<{ label: string; expected: string; expectedEn: string; actual: string; actualEn: string }>(
    (a) => `“${a.label}”应为${a.expected}，实际为${a.actual}`,
    (a) => `"${a.label}" should be ${a.expectedEn}, found ${a.actualEn}`,
  ),
  enum: message<{ label: string; allowed: string }>(
    (a) => `“${a.label}”的取值应为：${a.allowed}`,
    (a) => `"${a.label}" must be one of: ${a.allowed}`,
  ),
  unknown: message<{ key: string; where: string; whereEn: string }>(
    (a) => `未知的键“${a.key}”（${a.where}中没有这一项）`,
    (a) => `Unknown key "${a.key}" (not part of ${a.whereEn})`,
  ),
  required: message<{ key: string; label: string }>(
    (a) => `缺少“${a.key}”（${a.label}）`,
    (a) => `Missing "${a.key}" (${a.label})`,
  ),
  range: message<{ label: string; op: string; opEn: string; limit: string }>(
    (a) => `“${a.label}”应${a.op}${a.limit}`,
    (a) => `"${a.label}" must be ${a.opEn} ${a.limit}`,
  ),
  format: message<{ label: string; format: string }>(
    (a) => `“${a.label}”格式应为${a.format}`,
    (a) => `"${a.label}" must be formatted as ${a.format}`,
  ),
  other: message<{ label: string; detail: string }>(
    (a) => `“${a.label}”不符合格式：${a.detail}`,
    (a) => `"${a.label}" does not match the format: ${a.detail}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [SCHEMA_TYPE, SCHEMA_ENUM, SCHEMA_UNKNOWN, SCHEMA_REQUIRED, SCHEMA_RANGE, SCHEMA_FORMAT] as const;
