import { Fragment } from 'react';

/** http(s) links, up to the first space or a character that rarely ends a link. */
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the link ("see https://x.ph."). */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Plain text with its http(s) links made clickable. The text is rendered as React text nodes, never
 * as HTML, so nothing in it can become markup; links open in a new tab without the page's referrer.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return (
    <>
      {parts.map((p, i) =>
        p.href ? (
          <a
            key={i}
            className="pm-link [overflow-wrap:anywhere]"
            href={p.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
          >
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
