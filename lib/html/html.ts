// HTML from tagged templates, for the pages rendered without React (lib/flow-pages). Every value put
// into a template is escaped for text and for double-quoted attributes, unless it already is SafeHtml
// (the result of another template). Arrays are joined; null, undefined and false render nothing.
// Templates must quote every attribute: an escaped value is only inert inside quotes. As in JSX, a line
// break in a template's own text (with the indentation after it) is dropped next to a tag or between two
// values, and becomes one space elsewhere, so markup can be laid out over lines without adding text.

class Trusted {
  /** Makes the type nominal: a plain { html } object is not SafeHtml. */
  private readonly trusted = true;
  constructor(readonly html: string) {}
}

export type SafeHtml = Trusted;

export type Html = SafeHtml | string | number | null | undefined | false | readonly Html[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Html): string {
  if (value instanceof Trusted) return value.html;
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'object') return value.map(render).join('');
  return escapeHtml(String(value));
}

const compacted = new WeakMap<TemplateStringsArray, string[]>();

/** The template's own text with its layout removed, worked out once per template. */
function literals(strings: TemplateStringsArray): string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    parts = strings.map((s) => (s.includes('\n') && !s.trim() ? '' : s.replace(/(>?)\n\s*(<?)/g, (_, gt: string, lt: string) => (gt || lt ? gt + lt : ' '))));
    compacted.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: Html[]): SafeHtml {
  const parts = literals(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + parts[i + 1]!;
  return new Trusted(out);
}

/** Markup from a constant in the source, kept outside a template. Never for anything a request or Hydra supplied. */
export function raw(trustedConstant: string): SafeHtml {
  return new Trusted(trustedConstant);
}

/** ` name="value"`, just ` name` for true, nothing for undefined or false. The name must be a constant. */
export function attr(name: string, value: string | number | boolean | undefined): SafeHtml {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
  if (value === undefined || value === false) return new Trusted('');
  return new Trusted(value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`);
}

/** The finished document as a string, for the response body. */
export function toHtmlString(doc: SafeHtml): string {
  return doc.html;
}
