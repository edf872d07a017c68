/**
 * The hand-written half of docs/RULES.md: for each rule code, what fires it and how to fix it,
 * in both languages. Codes, titles and default severities are NOT written here: they come from
 * core/messages/rules.ts; the sum relations come from the schemas. The unit tests fail when a
 * code in rules.ts has no entry here or an entry names a code rules.ts lacks.
 */
export interface Explanation {
  fires: { zh: string; en: string };
  fix: { zh: string; en: string };
}

const e = (firesZh: string, firesEn: string, fixZh: string, fixEn: string): Explanation => ({
  fires: { zh: firesZh, en: firesEn },
  fix: { zh: fixZh, en: fixEn },
});

export const EXPLAIN: Record<string, Explanation> = {
  'YAML-SYNTAX': e(
    '文件不是合法的 YAML：缩进不齐、冒号后缺空格、引号或括号未闭合、制表符缩进等。出现语法错误时其余检查无法可靠进行。',
    'The file is not valid YAML: uneven indentation, a missing space after a colon, an unclosed quote or bracket, tab indentation. The other checks cannot run reliably until it parses.',
    '按提示的位置修正语法；用两个空格缩进，不要用制表符；流式行 `{…}` 中每一项用英文逗号分隔。',
    'Fix the syntax at the reported position; indent with two spaces, never tabs; separate the items of a flow row `{…}` with ASCII commas.',
  ),
  'YAML-DUPLICATE-KEY': e(
    '同一个映射中出现两次相同的键（如表三同一行写了两遍），后一个值会覆盖前一个。',
    'The same key appears twice in one mapping (e.g. a Table 3 row written twice); the later value silently overrides the earlier one.',
    '删除或合并重复的一项。',
    'Delete or merge the duplicate.',
  ),
  'YAML-ALIAS': e(
    '使用了 YAML 别名（`&anchor` / `*alias`），或别名展开次数过多（“别名炸弹”）。年报中的数字应逐项写出，别名会让审阅者看不出实际数值。',
    'The report uses YAML anchors and aliases (`&anchor` / `*alias`), or expands them excessively (an "alias bomb"). Figures in a report are written out so reviewers see them.',
    '把别名替换为实际数值。',
    'Replace each alias by the value it stands for.',
  ),
  'YAML-DEPTH': e(
    '嵌套层数远超年报结构（年报最多约 5 层），多半不是年报文件；为防止卡死，检查已停止。',
    'The nesting is far deeper than a report’s (about 5 levels); the file is probably not a report, and checking stops to stay responsive.',
    '确认打开的是年报文件；如是，请按骨架（片段 `nianbao2021` / `年报2021`）的结构重写。',
    'Check that this is a report; if so, restructure it after the skeleton (snippet `nianbao2021` / `年报2021`).',
  ),
  'YAML-TOO-LARGE': e(
    '文件超过 200 万字符。一份年报通常约 2 万字符；为保持编辑器流畅，检查已停止。',
    'The file exceeds 2,000,000 characters. A report is about 20,000; checking stops to keep the editor responsive.',
    '拆分文件或删去误粘贴的大段内容。',
    'Split the file or remove the pasted bulk.',
  ),
  'YAML-BINARY': e(
    '文件含有 NUL 或大量控制字符，不是文本（例如把 .docx 改名为 .yaml）。',
    'The file contains NUL or many control characters: it is not text (e.g. a .docx renamed to .yaml).',
    '用“导入已发布的年报”命令从 DOCX/HTML/文本导入，或重新保存为 UTF-8 文本。',
    'Use the Import Published Report command for DOCX/HTML/text, or save the file again as UTF-8 text.',
  ),
  'SCHEMA-TYPE': e(
    '某项的类型与格式不符，如 `year` 写成了文字、`meta` 写成了字符串。表格单元格中的文字由 T*-COMPLETE / T*-NONNEG / 单位规则报告，不在此列。',
    'A value has the wrong type, e.g. `year` written as text or `meta` as a string. Text inside table cells is reported by the T*-COMPLETE / T*-NONNEG / unit rules instead.',
    '按提示改为正确的类型（数字、文字或映射）。',
    'Change the value to the expected type (number, text or mapping).',
  ),
  'SCHEMA-ENUM': e(
    '取值不在允许范围内，如 `organ_kind` 写了未定义的机关类型。',
    'A value is not one of the allowed ones, e.g. an undefined `organ_kind`.',
    '从提示列出的取值中选择一个（输入时可用自动完成）。',
    'Pick one of the listed values (completion offers them).',
  ),
  'SCHEMA-UNKNOWN': e(
    '出现了格式中没有的键，多半是拼写错误或放错了位置。',
    'A key that the format does not define; usually a typo or a key in the wrong place.',
    '改正拼写或移到正确的位置；确需非模板行时，写在 `extra_rows` 下。',
    'Correct the spelling or move it; rows that are genuinely outside the template go under `extra_rows`.',
  ),
  'SCHEMA-REQUIRED': e(
    '缺少必填项，如 `meta.organ` 或 `meta.year`。',
    'A required key is missing, e.g. `meta.organ` or `meta.year`.',
    '补上缺少的键；用快速修复或骨架片段可插入完整结构。',
    'Add the key; the skeleton snippet shows the full structure.',
  ),
  'SCHEMA-RANGE': e(
    '数值超出允许范围，如年度早于 2008 年。',
    'A number is out of range, e.g. a year before 2008.',
    '改为范围内的数值。',
    'Use a value within the range.',
  ),
  'SCHEMA-FORMAT': e(
    '格式不对，如日期没有写成 `YYYY-MM-DD`。',
    'A malformed value, e.g. a date not written as `YYYY-MM-DD`.',
    '按提示的格式改写，如 `2023-03-28`。',
    'Rewrite it in the stated form, e.g. `2023-03-28`.',
  ),
  'T3-BAL': e(
    '表三每一列（每类申请人及总计）须满足：一、本年新收 + 二、上年结转 = 三、本年度办理结果的（七）总计 + 四、结转下年度继续办理。任一列不成立即报告，诊断落在（七）总计上。',
    'In every column of Table 3 (each applicant type and the total), new this year + carried over from last year must equal the (7) total of results + carried forward to next year. The finding sits on the (7) total.',
    '核对该列四个数。快速修复列出“只改一个数就能让所有相关勾稽关系同时成立”的候选；无法唯一确定时不会自动修改，需人工核对原始台账。',
    'Check the four figures of the column. The quick fixes list the single-cell changes after which every related relation holds; when no change is unambiguous, nothing is changed automatically: check the case register.',
  ),
  'T3-SUM-V': e(
    '表三每一列中，（七）总计 ≠（一）至（六）各项办理结果之和（含各分项）。',
    'In a Table 3 column, the (7) total differs from the sum of results (1)–(6) including their sub-items.',
    '快速修复把（七）总计改为实际之和；若总计是对的，请找出填错的分项。“修复全部勾稽错误”会按依赖顺序一并处理。',
    'The quick fix sets the (7) total to the sum; if the total is right, find the wrong item instead. Fix All handles these in dependency order.',
  ),
  'T3-SUM-H': e(
    '表三某一行的“总计”列 ≠ 自然人、五类法人或其他组织之和。',
    'In a Table 3 row, the total column differs from the sum of natural persons and the five kinds of legal persons/organisations.',
    '快速修复把总计改为各申请人之和。',
    'The quick fix sets the total to the sum of the applicant columns.',
  ),
  'T3-NONNEG': e(
    '表三单元格为负数或小数。（表三中的文字、单位和空白由 T3-COMPLETE 报告。）',
    'A Table 3 cell is negative or fractional. (Text, units and blanks in Table 3 are T3-COMPLETE findings.)',
    '改为非负整数（件数），不带单位。',
    'Write a non-negative whole number (a count), without a unit.',
  ),
  'T3-COMPLETE': e(
    '表三单元格留空（`~`、`null` 或什么都没写）、写了“不适用”“—”等，或带了单位、写成了“无”“零”等文字。模板没有“不适用”，没有的应填 0。若勾稽关系能唯一确定该格的值，诊断会给出该值。',
    'A Table 3 cell is blank (`~`, `null` or nothing), holds N/A text such as 不适用 or —, carries a unit, or says 无/零. The template has no N/A: write 0 for none. When the sums pin the value, the finding states it.',
    '填入数字，没有的填 0。由勾稽关系确定的空格可用快速修复填入；带单位或写成“无”的可一键改为数字。',
    'Enter the number, 0 for none. Blanks the sums pin can be filled by the quick fix; units and 无 can be turned into numbers with one click.',
  ),
  'T4-SUM': e(
    '表四每一组（行政复议、未经复议直接起诉、复议后起诉）中，总计 ≠ 结果维持、结果纠正、其他结果、尚未审结之和。',
    'In each group of Table 4 (review; litigation without review; litigation after review), the total differs from upheld + corrected + other + pending.',
    '快速修复把总计改为四项之和。',
    'The quick fix sets the total to the sum of the four outcomes.',
  ),
  'T4-NONNEG': e(
    '表四单元格为负数、小数或无法读作件数的文字。',
    'A Table 4 cell is negative, fractional, or text that cannot be read as a count.',
    '改为非负整数（件数）。',
    'Write a non-negative whole number.',
  ),
  'T4-COMPLETE': e(
    '表四单元格留空或写了“不适用”等。',
    'A Table 4 cell is blank or holds N/A text.',
    '填入数字，没有的填 0；由总计确定的空格可用快速修复填入。',
    'Enter the number, 0 for none; blanks the total pins can be filled by the quick fix.',
  ),
  'T2-COMPLETE': e(
    '表二（主动公开情况）单元格留空或写了“不适用”等。',
    'A Table 2 (proactive disclosure) cell is blank or holds N/A text.',
    '填入数字，没有的填 0。',
    'Enter the number, 0 for none.',
  ),
  'T2-19-NONNEG': e(
    '2019 格式表二的件数为负数、小数或文字（“本年增/减”一列可以为负，不在此列）。',
    'A count in the 2019 Table 2 is negative, fractional or text (the “change this year” column may be negative and is exempt).',
    '改为非负整数。',
    'Write a non-negative whole number.',
  ),
  'T2-19-CUM': e(
    '2019 格式表二第二十条第（一）项：对外公开总数量（累计）小于本年新公开数量。累计数包含本年新公开的，不可能更小。',
    '2019 Table 2, article 20 item (1): the cumulative total published is less than the number newly published this year, which it includes.',
    '核对累计数是否误填成了本年数，或两列填反。',
    'Check whether the cumulative column holds this year’s figure, or the two columns are swapped.',
  ),
  'T2-19-ITEMS': e(
    '2019 格式表二中有“上一年项目数量”和“本年增/减”两列的行（第二十条第（五）（六）（八）项）：两者之和为负数，即本年减少的比上一年现有的还多。',
    'In the 2019 Table 2 rows with “previous year’s items” and “change this year” columns (article 20 items (5), (6), (8)): their sum is negative, i.e. more items were dropped than existed.',
    '核对增减数的正负号和上一年项目数量。',
    'Check the sign of the change and the previous year’s count.',
  ),
  'T2-19-UNIT': e(
    '2019 格式表二的件数带了单位（如“12件”），或第二十条第（八）项收费金额没有写明单位（元或万元）、写成了文字。',
    'A 2019 Table 2 count carries a unit (e.g. 12件), or the article 20 item (8) fee amount states no unit (元 or 万元) or is written as text.',
    '件数只填数字；金额写成 `{value: 12.5, unit: 万元}`。快速修复可一键改写。',
    'Counts are bare numbers; amounts are written `{value: 12.5, unit: 万元}`. The quick fix rewrites them.',
  ),
  'T2-21-NONNEG': e(
    '2021 格式表二的数值为负数、小数件数或文字。',
    'A value in the 2021 Table 2 is negative, a fractional count, or text.',
    '改为非负数；件数为整数。',
    'Write a non-negative number; counts are whole numbers.',
  ),
  'T2-21-UNIT': e(
    '2021 格式表二收费金额一栏的单位固定为万元：填写时带了“元”“万元”等单位，或小数超过 4 位（多半误按元填写）。',
    'The fee column of the 2021 Table 2 is in 万元 (10,000 yuan): the cell carries a unit such as 元 or 万元, or has more than 4 decimals (probably entered in yuan).',
    '只填以万元为单位的数字；按元填写的请除以 10000。快速修复会换算。',
    'Write just the number in 万元; divide amounts in yuan by 10,000. The quick fix converts.',
  ),
  'T2-21-INFORCE': e(
    '2021 格式表二第二十条第（一）项：现行有效件数 + 本年废止件数 < 本年制发件数，即本年新制发的文件比现行有效的还多。',
    '2021 Table 2, article 20 item (1): in force + repealed this year < issued this year, i.e. more documents were issued this year than are in force.',
    '核对三列是否填错列或漏计。',
    'Check whether the columns are swapped or a figure is missing.',
  ),
  'X-FORMAT': e(
    '`format` 与报告年度不符（2021 年度起应使用 2021 格式；2019、2020 年度使用 2019 试行格式），未声明 `format`，或在一份报告中混用了两种格式的行或列。',
    '`format` does not match the year (reports for 2021 on use the 2021 format; 2019 and 2020 use the 2019 trial format), `format` is missing, or rows or columns of both formats are mixed in one report.',
    '声明正确的 `format: 2019` 或 `format: 2021`；按该格式的骨架改写混入的行列。',
    'Declare the right `format: 2019` or `format: 2021`; rewrite the foreign rows after that format’s skeleton.',
  ),
  'STRUCT-SECTIONS': e(
    '缺少报告的某一部分（一至六部分），或顺序与模板不同。',
    'A report section (parts 1–6) is missing or out of the template’s order.',
    '补齐缺少的部分，按模板顺序排列；骨架片段给出完整顺序。',
    'Add the missing section and follow the template order; the skeleton snippet shows it.',
  ),
  'STRUCT-ROWS': e(
    '表格缺少模板规定的行或列，或多出了模板没有的行。',
    'A table lacks a row or column of the template, or has a row the template does not.',
    '补齐缺少的行列（可从骨架复制）；确需保留的非模板行移到 `extra_rows` 下。',
    'Add the missing rows or columns (copy them from the skeleton); move genuine extra rows under `extra_rows`.',
  ),
  'S5-EMPTY': e(
    '“五、存在的主要问题及改进情况”为空或只写了“无”“暂无”。国办要求如实说明问题和改进措施。',
    'Section 5 (main problems and improvements) is empty or just says 无/暂无. The guidance requires a real account of problems and improvements.',
    '写明上年度问题的整改情况、本年度存在的主要问题和改进措施。',
    'Describe last year’s problems and their follow-up, this year’s main problems and the planned improvements.',
  ),
  'META-YEAR': e(
    '标题、统计期限（`meta.period`）或正文“统计期限自…至…”中的年份与 `meta.year` 不一致，常见于沿用上一年报告时漏改。',
    'The year in the title, in `meta.period`, or in the narrative’s statistical-period sentence differs from `meta.year`; typical when last year’s report is reused.',
    '统一改为报告年度。',
    'Change them all to the report year.',
  ),
  'META-DEADLINE': e(
    '`meta.published_on` 晚于法定发布期限：县级以上人民政府部门为次年 1 月 31 日前，县级以上地方人民政府为次年 3 月 31 日前（条例第四十九条）；乡镇、街道等由地方规定，默认按 3 月 31 日，可在设置 `nianbao.deadlines` 中按机关类型修改。',
    '`meta.published_on` is after the statutory deadline: 31 January of the next year for government departments, 31 March for local governments (article 49); for townships, subdistricts and others it is set locally, 31 March by default, configurable per organ kind in `nianbao.deadlines`.',
    '核对发布日期和 `meta.organ_kind`；地方规定的期限不同时，在设置中修改 `nianbao.deadlines`。',
    'Check the publication date and `meta.organ_kind`; where local rules set another deadline, change `nianbao.deadlines`.',
  ),
  'META-ORGAN': e(
    '标题或正文中的机关名称与 `meta.organ` 不一致，如正文写“双营乡”，落款却是“双营子回族乡人民政府”，或沿用了其他机关的报告。',
    'The organ named in the title or the narrative differs from `meta.organ`, e.g. the text says 双营乡 while the organ is 双营子回族乡人民政府, or another organ’s report was reused.',
    '统一使用机关全称（或其规范简称），核对是否误用了其他机关的报告。',
    'Use the organ’s full (or standard short) name throughout; check that no other organ’s report was copied.',
  ),
  'META-DATE': e(
    '`meta.published_on`（落款日期）不晚于统计期限截止日（通常为报告年度 12 月 31 日）：全年的报告不可能在年度结束前发布，多半是年份写错。',
    '`meta.published_on` is on or before the end of the statistical period (usually 31 December of the report year): a full-year report cannot be published before the year ends; usually the year is wrong.',
    '核对落款日期，一般为报告年度次年的 1 至 3 月。',
    'Check the date; it is normally January to March of the following year.',
  ),
  'S1-GOV': e(
    '各级人民政府（含乡镇）的年报应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），正文中未见其中一项或几项。',
    'A government’s report (including townships) must give its work assessment, public evaluation and accountability results (article 50 item (4)); the narrative lacks one or more of them.',
    '在“一、总体情况”（或其他部分）中写明工作考核、社会评议和责任追究结果情况；没有发生的，也应说明。',
    'State the assessment, evaluation and accountability results in section 1 (or elsewhere); say so where there were none.',
  ),
  'S5-RECTIFY': e(
    '2021 格式的人民政府年报，“五、存在的主要问题及改进情况”没有提到上年度年报所提问题的整改情况。',
    'In a government’s 2021-format report, section 5 does not say how the problems named in last year’s report were rectified.',
    '在第五部分补写上年度问题的整改情况。',
    'Add last year’s problems and their rectification to section 5.',
  ),
  'S6-FEE': e(
    '2021 格式“六、其他需要报告的事项”未完整报告信息处理费收取情况（发出收费通知的件数和金额、实际收取的金额），或收费通知件数少于表三（六）中“申请人逾期未按收费通知要求缴纳费用”的件数。',
    'In the 2021 format, section 6 does not fully report information-processing fees (number and amount of fee notices, amount collected), or reports fewer notices than Table 3 (6) counts applications dropped for unpaid fees.',
    '写明发出收费通知的件数和总金额以及实际收取的总金额；未收费的写明“未收取”。',
    'State the number and total amount of fee notices and the amount collected; say so where none were collected.',
  ),
  'TXT-T3': e(
    '正文中写明的件数（如“共收到政府信息公开申请21件”“被申请行政复议9件”）与表三、表四中对应单元格不一致。只比较含义明确的句子：涉及其他年份、月份、其中某一部分或约数的句子不比较。',
    'A count stated in the narrative (e.g. 共收到政府信息公开申请21件, 被申请行政复议9件) differs from the corresponding Table 3 or 4 cell. Only unambiguous sentences are compared: other years, months, subsets and approximations are skipped.',
    '核对正文和表格，以原始台账为准修改其中之一。',
    'Check the text against the table and correct whichever is wrong, going by the case register.',
  ),
  'TXT-ZERO': e(
    '正文称“没有收到政府信息公开申请”“未发生行政复议、行政诉讼”等，但表中对应的数不为 0。',
    'The narrative says there were no applications, or no reviews or lawsuits, but the corresponding table cells are not 0.',
    '核对正文和表格，修改不正确的一方。',
    'Check the text against the table and correct whichever is wrong.',
  ),
  'X-CARRY': e(
    '跨年度检查：本年表三“二、上年结转政府信息公开申请数量”与同一机关上年度报告的“四、结转下年度继续办理”逐列不一致。需要工作区中有上年度的报告（按 `meta.organ` 和 `meta.year` 配对，见设置 `nianbao.index.include`）。',
    'Cross-year: this year’s Table 3 “carried over from last year” differs, column by column, from “carried forward to next year” in the same organ’s previous report. Needs last year’s report in the workspace (paired by `meta.organ` and `meta.year`; see the `nianbao.index.include` setting).',
    '快速修复改为上年度的数值；若上年度报告有误，应更正上年度报告。',
    'The quick fix uses last year’s value; if last year’s report is wrong, correct that report instead.',
  ),
  'X-INFORCE': e(
    '跨年度检查（两年均为 2021 格式）：现行有效件数 ≠ 上年度现行有效件数 + 本年制发件数 − 本年废止件数。差额在本年制发件数范围内时只作提示，因为制发件数可能包含对现行文件的修订。',
    'Cross-year (both years in the 2021 format): documents in force ≠ last year’s in force + issued this year − repealed this year. When the gap is within the number issued it is only information, since issued documents may be amendments of ones already in force.',
    '核对三个数和上年度报告；快速修复给出按上年度推算的数值。',
    'Check the three figures and last year’s report; the quick fix offers the value computed from last year.',
  ),
  'X-ITEMS-19': e(
    '跨年度检查（两年均为 2019 格式）：本年“上一年项目数量”≠ 上年度报告的“上一年项目数量 + 本年增/减”。',
    'Cross-year (both years in the 2019 format): this year’s “previous year’s items” ≠ last year’s “previous year’s items + change this year”.',
    '快速修复给出按上年度推算的数值；若上年度报告有误，应更正上年度报告。',
    'The quick fix offers the value computed from last year; if last year’s report is wrong, correct that one.',
  ),
  'X-19-CUM': e(
    '跨年度检查（两年均为 2019 格式）：对外公开总数量是累计数，本年却小于上年度报告的数值。',
    'Cross-year (both years in the 2019 format): the total published is cumulative, yet this year’s is below last year’s.',
    '核对累计数是否误填成本年数。',
    'Check whether the cumulative column holds this year’s figure instead.',
  ),
  // issue 10 (encodings, limits)
  'YAML-ENCODING': e(
    '从磁盘读取的年报不是 UTF-8 编码（GB18030/GBK 或 UTF-16）：nianbao 按其编码读取并提示（info），fix 按原编码和 BOM 写回；无法按任何支持的编码解码的字节为错误（error）；文本中出现替换字符 U+FFFD（文件曾按错误编码打开或保存，原文已丢失）为警告。编辑器中打开的文档由编辑器解码，只能发现 U+FFFD。',
    'A report read from disk is not UTF-8 (GB18030/GBK or UTF-16): nianbao reads it in that encoding and says so (info); fix writes it back in the same encoding and BOM. Bytes no supported encoding decodes are an error; a replacement character U+FFFD in the text (the file was opened or saved in the wrong encoding and the original characters are lost) is a warning. Documents open in an editor are decoded by the editor, so only U+FFFD can be seen there.',
    '另存为 UTF-8（VS Code：右下角编码 → 通过编码保存 → UTF-8）；出现 U+FFFD 时从原件恢复并用正确的编码重新打开。',
    'Save the file as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8); for U+FFFD, restore the original and reopen it in the right encoding.',
  ),
  'IMPORT-TOO-LARGE': e(
    '导入的 DOCX/HTML/文本超过安全上限（文件大小、解压后大小、压缩包条目数、段落、表格行、单元格、嵌套层数或耗时），导入停止，不生成年报。上限远大于真实年报（约 20 KB 文字、数百段落），见 docs/SECURITY.md。',
    'The imported DOCX/HTML/text exceeds a safety limit (file size, uncompressed size, zip entries, paragraphs, table rows, cells, nesting depth or time); the import stops and writes nothing. The limits are far above real reports (about 20 KB of text, a few hundred paragraphs); see docs/SECURITY.md.',
    '确认导入的是年报原文；如是，删去附件、图片或无关内容后再导入。',
    'Check that the file is the published report; if so, remove attachments, images or unrelated content and import again.',
  ),
};
