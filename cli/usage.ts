/**
 * `nianbao --help`: the usage text, zh-CN and en (a catalog message, core/messages/define.ts),
 * in the language of `--locale` when given, else of the environment (LC_ALL, LC_MESSAGES, LANG;
 * none: zh-CN, as the commands' default). The command lines are the same in both.
 */
import { localeOf, VERSION, type Locale } from '../core';
import { message, say } from '../core/messages/define';

const USAGE = message<{ version: string }>(
  (a) => `nianbao ${a.version}：政府信息公开工作年度报告（YAML）检查工具

用法：
  nianbao check [--format text|json|sarif|csv|xlsx|html] [--locale zh-CN|en] [--config FILE]
                [--summary [--top N]] [--roster FILE] [--ledger FILE] [-o OUT] [--jobs N]
                [--no-inline-config] [--report-unused-disable-directives] PATH...
                                 --no-inline-config：不理会 # nianbao-disable-next-line 注释；
                                 注释压下的发现无论如何都会计数并列出
                                 多个文件：还将每份报告与所给文件中同一机关上一年度的
                                 报告比对（X-CARRY、X-REUSE 等），并说明哪份文件与哪份配对
                                 --summary：按机关和年度汇总错误和警告，最差的在前
                                 （最差的 N 行，默认 20；--top 0 为全部）
                                 --roster FILE：应报送的机关名单（ROSTER-MISSING 等）
                                 --ledger FILE：审核台账（默认：最近的 nianbao-review.yaml）；
                                 已核实的发现不计数
                                 csv/xlsx 供 Excel 和 WPS 使用；html：整批报告一个页面
                                 --jobs N：用 N 个工作线程检查（默认：按批量大小
                                 与 CPU 核数取最快者，小批量在本线程）；无论 N 为几，
                                 输出都相同
  nianbao review dismiss FINGERPRINT... --reason TEXT [--by NAME] [--ledger FILE] [PATH...]
  nianbao review confirm FINGERPRINT... [--reason TEXT] [--by NAME] [--ledger FILE] [PATH...]
  nianbao review reopen FINGERPRINT... [--ledger FILE]
  nianbao review list [--ledger FILE] [--format text|json] [PATH...]
                                 审核人的决定，按 check 打印的指纹记录
                                 （--format json / csv）；check 读取这些决定
  nianbao fix [--dry-run] [--locale zh-CN|en] PATH...
  nianbao skeleton --format 2019|2021 [--year Y] [--organ NAME] [--kind ORGAN_KIND] [--fill blank|zero]
  nianbao import FILE [-o OUT] [--year Y] [--quiet] [--locale zh-CN|en]
                                 已发布的报告（.txt/.html/.docx/.pdf）→ YAML；按表打印读出的
                                 单元格；有单元格未能读出或定位时退出码为 1
  nianbao export --html FILE [-o OUT] [--plain]        报告导出为独立的 HTML 页面
  nianbao export --docx FILE -o OUT.docx               报告导出为 Word 文档
  nianbao lsp --stdio            启动语言服务器

退出码：0 无错误，1 发现错误，2 用法或读写错误。`,
  (a) => `nianbao ${a.version}: 政府信息公开工作年度报告 (YAML) checker

Usage:
  nianbao check [--format text|json|sarif|csv|xlsx|html] [--locale zh-CN|en] [--config FILE]
                [--summary [--top N]] [--roster FILE] [--ledger FILE] [-o OUT] [--jobs N]
                [--no-inline-config] [--report-unused-disable-directives] PATH...
                                 --no-inline-config: ignore # nianbao-disable-next-line comments;
                                 findings they silence are always counted and listed anyway
                                 several files: also checks each report against the same
                                 organ's report of the year before (X-CARRY, X-REUSE …) and
                                 says which file was paired with which
                                 --summary: errors and warnings per organ and year, worst
                                 first (the worst N rows, default 20; --top 0 for all)
                                 --roster FILE: the organs expected to report (ROSTER-MISSING …)
                                 --ledger FILE: the review ledger (default: the nearest
                                 nianbao-review.yaml); dismissed findings do not count
                                 csv/xlsx for Excel and WPS; html: one page for the batch
                                 --jobs N: check in N worker threads (default: the count
                                 the batch's size and the cores make fastest, none for a
                                 small batch); the output is the same for every N
  nianbao review dismiss FINGERPRINT... --reason TEXT [--by NAME] [--ledger FILE] [PATH...]
  nianbao review confirm FINGERPRINT... [--reason TEXT] [--by NAME] [--ledger FILE] [PATH...]
  nianbao review reopen FINGERPRINT... [--ledger FILE]
  nianbao review list [--ledger FILE] [--format text|json] [PATH...]
                                 a reviewer's decisions, by the fingerprint check prints
                                 (--format json / csv); check reads them
  nianbao fix [--dry-run] [--locale zh-CN|en] PATH...
  nianbao skeleton --format 2019|2021 [--year Y] [--organ NAME] [--kind ORGAN_KIND] [--fill blank|zero]
  nianbao import FILE [-o OUT] [--year Y] [--quiet] [--locale zh-CN|en]
                                 published report (.txt/.html/.docx/.pdf) → YAML; prints the cells
                                 read per table; exit 1 when a cell could not be read or placed
  nianbao export --html FILE [-o OUT] [--plain]        the report as a standalone HTML page
  nianbao export --docx FILE -o OUT.docx               the report as a Word document
  nianbao lsp --stdio            start the language server

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`,
);

export function usage(locale: Locale): string {
  return say(locale, USAGE, { version: VERSION });
}

/** The help's language: `--locale zh-CN|en` among the arguments, else the environment's. */
export function helpLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  for (const [i, a] of argv.entries()) {
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (v === 'zh-CN' || v === 'en') return v;
  }
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  // POSIX "C" / "POSIX" name no language: the default.
  return tag && !/^(C|POSIX)(\.|$)/.test(tag) ? localeOf(tag) : localeOf(undefined);
}
