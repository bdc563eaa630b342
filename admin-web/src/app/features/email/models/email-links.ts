export interface EmailLink {
  href: string;
  text: string;
}

/** The http(s) links in an email's HTML, in order, without duplicates. */
export function extractLinks(
  html: string,
  parser: DOMParser = new DOMParser(),
): EmailLink[] {
  const doc = parser.parseFromString(html, 'text/html');
  const seen = new Set<string>();
  const links: EmailLink[] = [];
  for (const anchor of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = anchor.getAttribute('href')?.trim() ?? '';
    if (!/^https?:\/\//i.test(href) && !href.startsWith('/')) continue;
    if (seen.has(href)) continue;
    seen.add(href);
    links.push({
      href,
      text: (anchor.textContent ?? '').replace(/\s+/g, ' ').trim() || href,
    });
  }
  return links;
}

/**
 * The document for the preview iframe: links open in a new tab (the iframe is sandboxed without
 * scripts or same-origin, so the email cannot touch the console).
 */
export function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => m + base)
    : base + html;
}
