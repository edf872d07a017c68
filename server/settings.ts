/**
 * Settings per document: workspace/configuration (section "nianbao", scoped to the document)
 * merged over DEFAULT_SETTINGS. Without the configuration capability the server uses what
 * workspace/didChangeConfiguration pushed. Locale 'auto' follows the client's
 * initializationOptions.locale, then InitializeParams.locale.
 */
import type { Connection } from 'vscode-languageserver/node';
import { isRuleCode, MMDD, resolveLocale, type CheckOptions, type Locale, type SeveritySetting } from '../core';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type NianbaoSettings } from '../protocol/settings';

export interface EffectiveSettings {
  settings: NianbaoSettings;
  locale: Locale;
  options: CheckOptions;
  /** Changes exactly when `options` do (checks are cached by it). */
  optionsKey: string;
}

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'info', 'off']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges raw configuration over the defaults, dropping values of the wrong type. */
export function mergeSettings(raw: unknown): NianbaoSettings {
  const r = isObject(raw) ? raw : {};
  const out: NianbaoSettings = {
    ...DEFAULT_SETTINGS,
    rules: { ...DEFAULT_SETTINGS.rules },
    deadlines: { ...DEFAULT_SETTINGS.deadlines },
    inlayHints: { ...DEFAULT_SETTINGS.inlayHints },
    index: { include: [...DEFAULT_SETTINGS.index.include] },
    reuse: { ...DEFAULT_SETTINGS.reuse },
  };
  if (r.locale === 'auto' || r.locale === 'zh-CN' || r.locale === 'en') out.locale = r.locale;
  if (isObject(r.rules)) {
    // Unknown codes are dropped here: VS Code already marks them in settings.json (the enum in package.json).
    for (const [code, s] of Object.entries(r.rules))
      if (isRuleCode(code) && SEVERITIES.has(s as SeveritySetting)) out.rules[code] = s as SeveritySetting;
  }
  if (isObject(r.deadlines)) {
    for (const [kind, d] of Object.entries(r.deadlines)) if (typeof d === 'string' && MMDD.test(d)) out.deadlines[kind] = d;
  }
  if (isObject(r.inlayHints)) {
    const s = r.inlayHints.sums;
    if (s === 'always' || s === 'mismatch' || s === 'off') out.inlayHints.sums = s;
    if (typeof r.inlayHints.columnNames === 'boolean') out.inlayHints.columnNames = r.inlayHints.columnNames;
  }
  if (isObject(r.index) && Array.isArray(r.index.include))
    out.index.include = r.index.include.filter((g): g is string => typeof g === 'string');
  if (isObject(r.reuse)) {
    const { threshold, minChars } = r.reuse;
    if (typeof threshold === 'number' && threshold >= 1 && threshold <= 100) out.reuse.threshold = threshold;
    if (typeof minChars === 'number' && Number.isInteger(minChars) && minChars >= 1) out.reuse.minChars = minChars;
  }
  return out;
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<EffectiveSettings>>();
  private pushed: unknown = undefined;
  /** Bumped on every configuration change; analyses remember the generation they used. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly clientLocale: string | undefined,
  ) {}

  /** Settings for a document; cached until the configuration changes. */
  get(uri: string): Promise<EffectiveSettings> {
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.load(uri);
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** workspace/didChangeConfiguration: forget what was read; keep a pushed section if any. */
  changed(pushedSettings: unknown): void {
    const section = isObject(pushedSettings) ? pushedSettings[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = section;
    this.perUri.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  private async load(uri: string): Promise<EffectiveSettings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch (e) {
        this.connection.console.error(`[nianbao] workspace/configuration failed for ${uri}: ${(e as Error).message}`);
      }
    }
    return this.effective(raw);
  }

  effective(raw: unknown): EffectiveSettings {
    const settings = mergeSettings(raw);
    const options: CheckOptions = { severity: settings.rules, deadlines: settings.deadlines, reuse: settings.reuse };
    return { settings, locale: resolveLocale(settings.locale, this.clientLocale), options, optionsKey: JSON.stringify(options) };
  }
}
