/** Hostile inputs shared by the robustness tests and the hostile-input benchmark. */
export const HOSTILE: Record<string, () => string> = {
  'empty file': () => '',
  'only a comment': () => '# nothing here\n',
  'not YAML': () => 'This is { not : [ yaml\n\t: : :\n"unterminated',
  'a scalar document': () => '42\n',
  'a list document': () => '- a\n- b\n',
  'binary junk': () => String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  '10 MB file': () => `overview: |\n${'  这是一段很长的文字。\n'.repeat((10 * 1024 * 1024) / 24)}`,
  'alias bomb': () => {
    let s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++)
      s += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]\n`;
    return s;
  },
  '10,000-deep flow nesting': () => `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`,
  // One space per level keeps this under the size limit, so the depth guard must catch it.
  '1,500-deep block nesting': () => `${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
  '10,000-deep sequence nesting': () => `${'- '.repeat(10000)}x\n`,
  'wrong types everywhere': () =>
    `${[
      'format: [2021]',
      'meta: "a string"',
      'overview: {a: 1}',
      'active_disclosure: 3',
      'applications: {new_received: [1, 2], carried_over: "x", granted: {natural: {deep: 1}}, denied: 5}',
      'review_litigation: [review, lit_direct]',
      'problems: [1]',
      'other_matters: true',
      'extra_rows: {a: 1}',
    ].join('\n')}\n`,
  'tabs and CRLF': () => 'format: 2021\r\nmeta:\r\n\torgan: x\r\n',
  // Issue 10.
  'CR-only line breaks (classic Mac)': () => '# nianbao\rformat: 2021\rmeta:\r  organ: 某县人民政府\r  year: 2022\r',
  '20,000 unknown keys in one map': () =>
    `format: 2021\nmeta:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1`).join('\n')}\n`,
  '500,000-item flow sequence': () => `format: 2021\nx: [${Array(500_000).fill('1').join(', ')}]\n`,
  'full-width colon after a key': () => 'format: 2021\nmeta：\n  organ: 某县人民政府\n  year: 2022\n',
  'no-break space after a colon': () => 'format: 2021\nmeta: \u00a0\n  organ: 某县人民政府\n',
  'a 1 MB cell': () => `format: 2021\napplications:\n  new_received: {natural: "${'一'.repeat(1_000_000)}"}\n`,
  'terminal escapes in a key': () => 'format: 2021\nmeta:\n  "\u001b]0;pwned\u0007\u001b[2J\u202e": 1\n',
  'replacement characters (a GBK file opened as UTF-8)': () => 'format: 2021\nmeta:\n  organ: \ufffd\ufffd\ufffd\ufffd\n',
};
