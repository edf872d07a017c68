/**
 * The one message catalog: every diagnostic and fix text in zh-CN and en. Messages take
 * structured arguments; nothing downstream parses them.
 */
import type { LocalizedText } from '../types';

type Args = Record<string, string | number | undefined>;
type Template = (a: Args) => string;

const M: Record<string, { zh: Template; en: Template }> = {
  'yaml.syntax': { zh: (a) => `YAML 语法错误：${a.detail}`, en: (a) => `YAML syntax error: ${a.detail}` },
  'yaml.duplicate': {
    zh: (a) => `重复的键“${a.key}”：后一个会覆盖前一个`,
    en: (a) => `Duplicate key "${a.key}": the later one overrides the earlier`,
  },
  'yaml.alias': {
    zh: () => '年报中不应使用 YAML 别名（*alias）：请直接写出数值',
    en: () => 'Reports should not use YAML aliases (*alias): write the values out',
  },
  'yaml.aliasBomb': {
    zh: (a) => `别名展开过多（${a.detail}），已停止检查`,
    en: (a) => `Too many alias expansions (${a.detail}); checking stopped`,
  },
  'yaml.depth': {
    zh: (a) => `嵌套层数超过 ${a.max}（约 ${a.depth} 层），不是年报格式，已停止检查`,
    en: (a) => `Nesting deeper than ${a.max} (about ${a.depth}); not a report, checking stopped`,
  },
  'yaml.tooLarge': {
    zh: (a) => `文件过大（${a.size} 字符，上限 ${a.max}），已停止检查`,
    en: (a) => `File too large (${a.size} characters, limit ${a.max}); checking stopped`,
  },
  'yaml.binary': {
    zh: () => '文件含有二进制数据，不是 YAML 文本',
    en: () => 'The file contains binary data; it is not YAML text',
  },
  'yaml.notMap': {
    zh: () => '年报文件的顶层应为键值映射（format、meta、overview …）',
    en: () => 'A report must be a mapping at the top level (format, meta, overview …)',
  },
  'yaml.empty': {
    zh: () => '文件为空：缺少报告的全部内容（可用骨架片段 nianbao2021 / 年报2021 生成）',
    en: () => 'The file is empty: every report section is missing (insert the nianbao2021 skeleton snippet)',
  },

  'schema.type': {
    zh: (a) => `“${a.label}”应为${a.expected}，实际为${a.actual}`,
    en: (a) => `"${a.label}" should be ${a.expectedEn}, found ${a.actualEn}`,
  },
  'schema.enum': { zh: (a) => `“${a.label}”的取值应为：${a.allowed}`, en: (a) => `"${a.label}" must be one of: ${a.allowed}` },
  'schema.unknown': {
    zh: (a) => `未知的键“${a.key}”（${a.where}中没有这一项）`,
    en: (a) => `Unknown key "${a.key}" (not part of ${a.whereEn})`,
  },
  'schema.required': { zh: (a) => `缺少“${a.key}”（${a.label}）`, en: (a) => `Missing "${a.key}" (${a.label})` },
  'schema.range': { zh: (a) => `“${a.label}”应${a.op}${a.limit}`, en: (a) => `"${a.label}" must be ${a.opEn} ${a.limit}` },
  'schema.format': { zh: (a) => `“${a.label}”格式应为${a.format}`, en: (a) => `"${a.label}" must be formatted as ${a.format}` },
  'struct.missingSection': { zh: (a) => `缺少“${a.title}”（${a.key}）`, en: (a) => `Missing section "${a.title}" (${a.key})` },
  'struct.missingRow': {
    zh: (a) => `${a.table}缺少“${a.label}”（${a.key}）`,
    en: (a) => `${a.table} lacks "${a.label}" (${a.key})`,
  },
  'struct.extraRow': {
    zh: (a) => `非模板行“${a.label}”：国家格式中没有这一行`,
    en: (a) => `Non-template row "${a.label}": the national format has no such row`,
  },
  'struct.unknownInTable': {
    zh: (a) => `${a.table}中没有“${a.key}”这一行或列`,
    en: (a) => `${a.table} has no row or column "${a.key}"`,
  },

  'sum.mismatch': {
    zh: (a) =>
      `${a.target} 为 ${a.reported}，但${a.what}之和为 ${a.computed}${a.blanks ? `（另有 ${a.blanks} 个空白单元格，至少为 ${a.computed}）` : ''}`,
    en: (a) =>
      `${a.target} is ${a.reported} but the ${a.whatEn} sum to ${a.computed}${a.blanks ? ` (plus ${a.blanks} blank cells, so at least ${a.computed})` : ''}`,
  },
  'bal.mismatch': {
    zh: (a) => `${a.column}列勾稽关系不成立：第一项+第二项 = ${a.left}，第三项+第四项 = ${a.right}`,
    en: (a) => `Balance fails in column ${a.columnEn}: 1st + 2nd = ${a.left}, 3rd + 4th = ${a.right}`,
  },
  'ge.T2-19-CUM': {
    zh: (a) => `${a.row}：对外公开总数量 ${a.left} 小于本年新公开数量 ${a.right}`,
    en: (a) => `${a.row}: total published ${a.left} < newly published ${a.right}`,
  },
  'ge.T2-19-ITEMS': {
    zh: (a) => `${a.row}：上一年项目数量+本年增/减 = ${a.left}，不能为负`,
    en: (a) => `${a.row}: previous items + change = ${a.left}, cannot be negative`,
  },
  'ge.T2-21-INFORCE': {
    zh: (a) => `${a.row}：现行有效件数+本年废止件数 = ${a.left}，小于本年制发件数 ${a.right}`,
    en: (a) => `${a.row}: in force + repealed = ${a.left} < issued ${a.right}`,
  },

  'cell.blank': {
    zh: (a) => `${a.cell} 为空${a.pinned !== undefined ? `，按勾稽关系应为 ${a.pinned}` : '，没有的请填 0'}`,
    en: (a) => `${a.cell} is blank${a.pinned !== undefined ? `; the sums require ${a.pinned}` : '; write 0 if there were none'}`,
  },
  'cell.na': {
    zh: (a) => `${a.cell} 填了“${a.text}”：模板没有“不适用”，没有的请填 0`,
    en: (a) => `${a.cell} holds "${a.text}": the template has no N/A, write 0`,
  },
  'cell.text': {
    zh: (a) => `${a.cell} 不是数字：“${a.text}”${a.suggest !== undefined ? `（可能是 ${a.suggest}）` : ''}`,
    en: (a) => `${a.cell} is not a number: "${a.text}"${a.suggest !== undefined ? ` (perhaps ${a.suggest})` : ''}`,
  },
  'cell.negative': {
    zh: (a) => `${a.cell} 为 ${a.value}，不能为负数`,
    en: (a) => `${a.cell} is ${a.value}; it cannot be negative`,
  },
  'cell.fraction': {
    zh: (a) => `${a.cell} 为 ${a.value}，件数应为整数`,
    en: (a) => `${a.cell} is ${a.value}; counts are whole numbers`,
  },
  'unit.inCount': {
    zh: (a) => `${a.cell} 带了单位“${a.unit}”：只填数字 ${a.number}`,
    en: (a) => `${a.cell} carries the unit "${a.unit}": write just the number ${a.number}`,
  },
  'unit.moneyText': {
    zh: (a) => `${a.cell} 写成了文字“${a.text}”：应写成 {value: ${a.number}, unit: ${a.unit}}`,
    en: (a) => `${a.cell} is written as text "${a.text}": use {value: ${a.number}, unit: ${a.unit}}`,
  },
  'unit.moneyBare': {
    zh: (a) => `${a.cell} 只有数字 ${a.number}，没有单位：模板未规定单位，请写明 元 或 万元`,
    en: (a) => `${a.cell} is a bare number ${a.number}: the template sets no unit, state 元 or 万元`,
  },
  'unit.wanSuffix': {
    zh: (a) => `${a.cell} 带了“${a.unit}”：本栏单位为万元，只填数字 ${a.number}`,
    en: (a) => `${a.cell} carries "${a.unit}": this column is in 万元, write just ${a.number}`,
  },
  'unit.wanDecimals': {
    zh: (a) => `${a.cell} 为 ${a.value}：小数超过 4 位，单位应为万元，是否误填了元？`,
    en: (a) => `${a.cell} is ${a.value}: more than 4 decimals in a 万元 column; was it entered in yuan?`,
  },

  'format.oldTemplate': {
    zh: (a) => `${a.year} 年度报告应使用 2021 格式（国办公开办函〔2021〕30号），这里用的是 2019 试行格式`,
    en: (a) => `A ${a.year} report must use the 2021 format; this one uses the 2019 trial format`,
  },
  'format.newTemplateEarly': {
    zh: (a) => `${a.year} 年度报告应使用 2019 试行格式，这里用的是 2021 格式`,
    en: (a) => `A ${a.year} report uses the 2019 trial format; this one uses the 2021 format`,
  },
  'format.mixed': {
    zh: (a) => `混用新旧模板：本报告为 ${a.format} 格式，但“${a.label}”是 ${a.other} 格式的写法`,
    en: (a) => `Mixed templates: the report is in the ${a.format} format but "${a.label}" is from the ${a.other} format`,
  },
  'format.missing': {
    zh: (a) => `未声明 format，按内容推断为 ${a.format} 格式`,
    en: (a) => `No format declared; the content looks like the ${a.format} format`,
  },
  'format.unknown': {
    zh: () => '未声明 format，也无法从内容推断：请写 format: 2019 或 format: 2021',
    en: () => 'No format declared and none can be inferred: write format: 2019 or format: 2021',
  },

  'meta.yearTitle': {
    zh: (a) => `标题中的年份 ${a.found} 与报告年度 ${a.year} 不一致`,
    en: (a) => `The title says ${a.found} but the report year is ${a.year}`,
  },
  'meta.yearPeriod': {
    zh: (a) => `统计期限 ${a.found} 不在报告年度 ${a.year} 内`,
    en: (a) => `The period ${a.found} is not in the report year ${a.year}`,
  },
  'meta.yearProse': {
    zh: (a) => `正文写的是“${a.found}”，与报告年度 ${a.year} 不一致`,
    en: (a) => `The text says "${a.found}", not the report year ${a.year}`,
  },
  'meta.deadline': {
    zh: (a) => `发布日期 ${a.published} 晚于${a.kind}的期限 ${a.deadline}（${a.basis}）`,
    en: (a) => `Published ${a.published}, after the deadline ${a.deadline} for ${a.kindEn} (${a.basis})`,
  },
  's5.empty': {
    zh: () => '“五、存在的主要问题及改进情况”不能为空或只写“无”：请如实写明问题和改进措施',
    en: () => 'Section 5 must not be empty or just "无": describe the problems and the improvements',
  },
  'meta.organTitle': {
    zh: (a) => `标题中的机关名称“${a.found}”与机关名称“${a.organ}”不一致`,
    en: (a) => `The title names "${a.found}" but the organ is "${a.organ}"`,
  },
  'meta.organBody': {
    zh: (a) => `正文写作“${a.found}”，机关名称为“${a.organ}”（${a.unit}）：前后不一致`,
    en: (a) => `The text says "${a.found}" but the organ is "${a.organ}" (${a.unit})`,
  },
  'meta.dateEarly': {
    zh: (a) => `发布日期 ${a.published} 不晚于统计期限截止日 ${a.end}：全年报告不能在统计期结束前发布，请核对落款日期`,
    en: (a) => `Published ${a.published}, not after the period ends (${a.end}): check the date`,
  },
  's1.gov': {
    zh: (a) => `各级人民政府的年报应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），未见${a.missing}`,
    en: (a) =>
      `A government's report must give its assessment, public evaluation and accountability results (条例 art. 50 (4)); missing: ${a.missingEn}`,
  },
  's5.rectify': {
    zh: (a) => `“${a.section}”应报告上年度年报所提问题的整改情况`,
    en: () => "Section 5 should report how the problems in last year's report were rectified",
  },
  's6.feeNoCount': {
    zh: (a) => `${a.cell} 为 ${a.value}，但“${a.section}”未报告发出收费通知的件数`,
    en: (a) => `${a.cell} is ${a.value} but section 6 gives no number of fee notices`,
  },
  's6.feeFewNotices': {
    zh: (a) => `发出收费通知 ${a.notices} 件，少于${a.cell} ${a.value} 件（逾期未缴费的申请都应先收到收费通知）`,
    en: (a) => `${a.notices} fee notice(s), fewer than ${a.cell} = ${a.value}`,
  },
  's6.feeIncomplete': {
    zh: (a) => `信息处理费收取情况不完整：未写${a.missing}`,
    en: (a) => `Fee report incomplete: missing ${a.missingEn}`,
  },
  'txt.mismatch': {
    zh: (a) => `正文写的是 ${a.stated} 件，但表中${a.cell}为 ${a.expected}`,
    en: (a) => `The text says ${a.stated} but the table has ${a.cell} = ${a.expected}`,
  },
  'txt.mismatchWithCarry': {
    zh: (a) => `正文写的是 ${a.stated} 件（含上年结转），但表中${a.cell} + “${a.carried}”为 ${a.expected}`,
    en: (a) => `The text says ${a.stated} (including carry-over) but the table has ${a.cell} + ${a.carried} = ${a.expected}`,
  },
  'txt.zero': {
    zh: (a) => `正文称“${a.phrase}”，但表中${a.cell}为 ${a.actual}`,
    en: (a) => `The text says "${a.phrase}" but the table has ${a.cell} = ${a.actual}`,
  },
  'x.carry': {
    zh: (a) => `${a.cell} 为 ${a.value}，但上年度（${a.lastYear}年）报告的${a.lastCell} 为 ${a.expected}`,
    en: (a) => `${a.cell} is ${a.value} but last year's (${a.lastYear}) ${a.lastCell} is ${a.expected}`,
  },
  'x.inforce': {
    zh: (a) =>
      `${a.cell} 为 ${a.value}，按上年度（${a.lastYear}年）${a.last} + ${a.issuedName} ${a.issued} − ${a.repealedName} ${a.repealed} 应为 ${a.expected}${a.soft ? '（制发件数可能含修订，差额在其范围内，请核实）' : ''}`,
    en: (a) =>
      `${a.cell} is ${a.value}; last year's ${a.last} + issued ${a.issued} − repealed ${a.repealed} = ${a.expected}${a.soft ? ' (issued may include amendments; please verify)' : ''}`,
  },
  'x.items19': {
    zh: (a) =>
      `${a.cell} 为 ${a.value}，按上年度（${a.lastYear}年）报告 ${a.prevName} ${a.last} + ${a.deltaName} ${a.delta} 应为 ${a.expected}`,
    en: (a) => `${a.cell} is ${a.value}; last year's (${a.lastYear}) items ${a.last} + change ${a.delta} = ${a.expected}`,
  },
  'x.cum19': {
    zh: (a) => `${a.cell} 为 ${a.value}，小于上年度（${a.lastYear}年）报告的 ${a.last}（${a.column}是累计数）`,
    en: (a) => `${a.cell} is ${a.value}, below last year's ${a.last} (a cumulative count)`,
  },
  'fix.crossYear': { zh: (a) => `改为上年数值 ${a.value}`, en: (a) => `Use last year's value ${a.value}` },
  'fix.crossYearComputed': { zh: (a) => `将${a.cell} 改为 ${a.value}`, en: (a) => `Change ${a.cell} to ${a.value}` },

  'fix.setSum': { zh: (a) => `将${a.cell} 改为 ${a.value}`, en: (a) => `Change ${a.cell} to ${a.value}` },
  'fix.fill': { zh: (a) => `将空白的${a.cell} 填为 ${a.value}`, en: (a) => `Fill the blank ${a.cell} with ${a.value}` },
  'fix.unit': { zh: (a) => `改为 ${a.text}`, en: (a) => `Change to ${a.text}` },
  'fix.zeroText': { zh: (a) => `将“${a.text}”改为 0`, en: (a) => `Change "${a.text}" to 0` },
  'fix.suppress': { zh: (a) => `在下一行忽略 ${a.code}`, en: (a) => `Ignore ${a.code} on the next line` },
  'fix.all': { zh: () => '修复全部勾稽错误', en: () => 'Fix all reconciliation errors' },
  // Language server UI: hover headings, code lens, inlay hints, completion (server/).
  'ui.hover.where': { zh: () => '位置', en: () => 'Location' },
  'ui.hover.legal': { zh: () => '法律依据', en: () => 'Legal basis' },
  'ui.hover.fill': { zh: () => '填写说明', en: () => 'How to fill' },
  'ui.hover.contains': { zh: () => '包含', en: () => 'Contains' },
  'ui.hover.choices': { zh: () => '可选值', en: () => 'Allowed values' },
  'ui.hover.computed': { zh: () => '计算值', en: () => 'Computed' },
  'ui.hover.value': { zh: () => '当前值', en: () => 'Current value' },
  'ui.hover.sumRow': { zh: (a) => `本行各列之和为 ${a.value}`, en: (a) => `The row's cells sum to ${a.value}` },
  'ui.hover.sumColumn': { zh: (a) => `本列各项之和为 ${a.value}`, en: (a) => `The column's items sum to ${a.value}` },
  'ui.hover.sumBlanks': {
    zh: (a) => `另有 ${a.blanks} 个空白单元格，至少为 ${a.value}`,
    en: (a) => `plus ${a.blanks} blank cells, so at least ${a.value}`,
  },
  'ui.hover.sumOk': { zh: (a) => `与填报值 ${a.reported} 一致`, en: (a) => `agrees with the reported ${a.reported}` },
  'ui.hover.sumBad': { zh: (a) => `填报值为 ${a.reported}，不一致`, en: (a) => `the reported value ${a.reported} disagrees` },
  'ui.hover.sumOpen': { zh: () => '本格未填', en: () => 'this cell is blank' },
  'ui.cell.count': { zh: () => '计数：非负整数（件），不带单位', en: () => 'Count: a non-negative whole number, no unit' },
  'ui.cell.signed': {
    zh: () => '增减数：整数，可为负（如 -2、+3）',
    en: () => 'Change: a whole number, may be negative (-2, +3)',
  },
  'ui.cell.money_wan': {
    zh: () => '金额：数字，单位万元，不带单位',
    en: () => 'Amount in 万元 (10,000 yuan): a plain number, no unit suffix',
  },
  'ui.cell.money_unit': {
    zh: () => '金额：写成 {value: 数字, unit: 元 或 万元}',
    en: () => 'Amount: write {value: number, unit: 元 or 万元}',
  },
  'ui.state.number': { zh: (a) => `数字 ${a.value}`, en: (a) => `number ${a.value}` },
  'ui.state.blank': { zh: () => '空白（不参与求和）', en: () => 'blank (not counted in sums)' },
  'ui.state.na': { zh: (a) => `“${a.text}”（模板没有“不适用”）`, en: (a) => `"${a.text}" (the template has no N/A)` },
  'ui.state.text': { zh: (a) => `文字“${a.text}”（不是数字）`, en: (a) => `text "${a.text}" (not a number)` },
  'ui.lens.ok': { zh: () => '勾稽 ✓', en: () => 'Sums ✓' },
  'ui.lens.bad': { zh: (a) => `勾稽 ✗ ${a.count}`, en: (a) => `Sums ✗ ${a.count}` },
  'ui.lens.fix': { zh: (a) => `修复${a.table}的勾稽错误`, en: (a) => `Fix the reconciliation errors in ${a.table}` },
  'ui.hint.sumRow': { zh: (a) => `行和 ${a.value}`, en: (a) => `row Σ ${a.value}` },
  'ui.hint.sumColumn': { zh: (a) => `列和 ${a.value}`, en: (a) => `column Σ ${a.value}` },
  'ui.skeleton.label': { zh: (a) => `年报${a.format}骨架`, en: (a) => `Report skeleton (${a.format} format)` },
  'ui.skeleton.detail': {
    zh: (a) => `${a.title}：全部部分、表格、行和列`,
    en: (a) => `${a.title}: every section, table, row and column`,
  },

  // issue 10 (encodings, limits)
  'yaml.duplicateUsesLast': {
    zh: (a) => `重复的键“${a.key}”（第 ${a.firstLine} 行已有）：检查使用最后一个（第 ${a.lastLine} 行）的值，前面的被忽略`,
    en: (a) =>
      `Duplicate key "${a.key}" (also on line ${a.firstLine}): the checker uses the last one (line ${a.lastLine}); earlier ones are ignored`,
  },
  'yaml.fullwidthColon': {
    zh: (a) => `第${a.line}行的键后用了全角冒号“：”，应为半角“: ”（冒号后加一个空格）`,
    en: (a) =>
      `Line ${a.line}: the key "${a.key}" is followed by a full-width colon "："; YAML needs an ASCII colon and a space ": "`,
  },
  'yaml.nbsp': {
    zh: (a) =>
      `第${a.line}行的键中有${a.char === 'U+3000' ? '全角空格（U+3000）' : '不间断空格（U+00A0）'}：YAML 的缩进和冒号后只能用普通半角空格`,
    en: (a) =>
      `Line ${a.line}: ${a.char === 'U+3000' ? 'an ideographic space (U+3000)' : 'a no-break space (U+00A0)'} in a key: YAML indentation and the space after a colon must be plain spaces`,
  },
  'yaml.encoding': {
    zh: (a) =>
      `文件编码为 ${a.encoding}${a.bom ? '（带 BOM）' : ''}，不是 UTF-8：已按 ${a.encoding} 读取；nianbao fix 会按原编码写回。其他工具可能按 UTF-8 打开而显示乱码，建议另存为 UTF-8`,
    en: (a) =>
      `The file is encoded in ${a.encoding}${a.bom ? ' (with BOM)' : ''}, not UTF-8: read as ${a.encoding}; nianbao fix writes it back in the same encoding. Other tools may open it as UTF-8 and show garbage; consider saving it as UTF-8`,
  },
  'yaml.encodingInvalid': {
    zh: (a) =>
      `文件从第 ${a.byte} 字节起既不是 UTF-8、UTF-16 也不是 GB18030/GBK 编码，无法正确读取（显示为 �）；nianbao fix 不会修改此文件`,
    en: (a) =>
      `From byte ${a.byte} the file is neither UTF-8, UTF-16 nor GB18030/GBK and cannot be read correctly (shown as �); nianbao fix will not change it`,
  },
  'yaml.replacementChar': {
    zh: (a) =>
      `第${a.line}行含有替换字符“�”（U+FFFD）：文件曾按错误的编码打开或保存（如 GBK 文件按 UTF-8 打开），原来的文字已丢失；请从原件恢复，在编辑器中用正确的编码（GB18030）重新打开`,
    en: (a) =>
      `Line ${a.line} holds the replacement character "�" (U+FFFD): the file was opened or saved in the wrong encoding (e.g. GBK read as UTF-8) and the original characters are lost; restore it from the original and reopen it with the right encoding (GB18030)`,
  },
  'yaml.tooLargeFile': {
    zh: (a) => `文件过大（${a.bytes} 字节，超过 ${a.max} 字节：一定超过 ${a.maxChars} 字符的上限），未读取，已停止检查`,
    en: (a) =>
      `File too large (${a.bytes} bytes, over ${a.max}: certainly over the ${a.maxChars}-character limit); not read, checking stopped`,
  },
  'yaml.tooManyValues': {
    zh: (a) => `值过多：到第 ${a.line} 行已超过 ${a.max} 个（一份年报约 1000 个），不是年报，已停止检查`,
    en: (a) => `Too many values: over ${a.max} by line ${a.line} (a report has about 1,000); not a report, checking stopped`,
  },
  'import.tooLarge': {
    zh: (a) => `导入已停止：${a.limitZh}为 ${a.actual}，超过上限 ${a.max}（${a.reasonZh}）`,
    en: (a) => `Import stopped: ${a.limitEn} is ${a.actual}, over the limit of ${a.max} (${a.reasonEn})`,
  },
  'import.unreadable': {
    zh: (a) => `无法导入：${a.detailZh}`,
    en: (a) => `Cannot import: ${a.detailEn}`,
  },
};

export function msg(id: string, args: Args = {}): LocalizedText {
  const m = M[id];
  if (!m) throw new Error(`no message ${id}`);
  return { 'zh-CN': m.zh(shorten(args, 'zh')), en: m.en(shorten(args, 'en')) };
}

/**
 * Longest argument shown in a message (issue 10): a cell or a key can hold a megabyte of text,
 * which must not be echoed whole into every output. Longer arguments are cut and their length
 * given. 160 keeps the longest generated argument whole (organ_kind's allowed values, 121).
 */
export const MAX_ARG_CHARS = 160;

function shorten(args: Args, locale: 'zh' | 'en'): Args {
  let out = args;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== 'string' || v.length <= MAX_ARG_CHARS) continue;
    if (out === args) out = { ...args };
    const n = Array.from(v).length;
    if (n <= MAX_ARG_CHARS) continue;
    let head = v.slice(0, MAX_ARG_CHARS);
    if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1); // never split a surrogate pair
    out[k] = locale === 'zh' ? `${head}…（共 ${n} 字）` : `${head}… (${n} characters)`;
  }
  return out;
}
