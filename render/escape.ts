/** HTML escaping: every text and attribute value the renderer writes goes through these. */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values alike (quotes escaped too). */
export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[&<>"']/g, (c) => TEXT[c]);
}

/** An attribute: ` name="value"`, or nothing for undefined. */
export function attr(name: string, value: unknown): string {
  return value === undefined || value === null || value === false ? '' : ` ${name}="${esc(value)}"`;
}

/** A CSP nonce or source expression must not be able to close the attribute or the directive. */
export function cspToken(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.replace(/[^A-Za-z0-9+/=:._*\-\s]/g, '').trim();
  return t || undefined;
}
