/**
 * Settings shared by the client (package.json contributes these) and the server (reads them
 * per document with workspace/configuration, section "nianbao"). Keep the two in step here.
 */
import { REUSE_DEFAULTS, type SeveritySetting } from '../core/rules/options';

export interface NianbaoSettings {
  /** Message language: 'auto' follows the editor's display language. */
  locale: 'auto' | 'zh-CN' | 'en';
  /** Per-rule severity override or 'off', by rule code (e.g. { "T3-COMPLETE": "off" }). */
  rules: Record<string, SeveritySetting>;
  /** Publication deadline (MM-DD of the following year) per meta.organ_kind. */
  deadlines: Record<string, string>;
  inlayHints: {
    /** Computed sum beside a total: always, only when it disagrees, or never. */
    sums: 'always' | 'mismatch' | 'off';
    /** The Chinese column name before each value of a flow-map row. */
    columnNames: boolean;
  };
  /** Globs of report files the workspace index watches (cross-year checks). */
  index: { include: string[] };
  /** X-REUSE: percent of a section repeated from last year's before it is reported, and the shortest section judged. */
  reuse: { threshold: number; minChars: number };
}

export const DEFAULT_SETTINGS: NianbaoSettings = {
  locale: 'auto',
  rules: {},
  deadlines: {},
  inlayHints: { sums: 'mismatch', columnNames: false },
  index: { include: ['**/*.nianbao.yaml', '**/*.nianbao.yml'] },
  reuse: { ...REUSE_DEFAULTS },
};

export const SETTINGS_SECTION = 'nianbao';
