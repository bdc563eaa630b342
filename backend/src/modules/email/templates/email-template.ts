/**
 * One platform email as Handlebars source. `html` is rendered with HTML escaping (inside the
 * `layout` partial); `subject` and `text` are plain text and rendered without escaping.
 */
export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
  /** Checks the caller's data and derives exactly what the template shows (e.g. a readable expiry). */
  view(data: Record<string, unknown>): Record<string, string | undefined>;
}
