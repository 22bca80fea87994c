// Page furniture: the comment forms, newsletter boxes, cookie notices and "read more" links a web page wraps
// around a report. Pasted or scraped articles keep them, and a sentence such as "Your email address will not
// be published" shares words with real reporting ("Russia has not made its proposals public") often enough to
// pair with it as if it were a fact. A word list is enough: the furniture is the same few phrasings on every
// site, all addressed to the reader or about the site itself, never about the event.

/** Phrases that only page furniture uses. */
const FURNITURE = new RegExp(
  [
    String.raw`\byour (?:e-?mail(?: address)?|comment|password|browser|subscription|inbox)\b`,
    String.raw`\brequired fields are marked\b`,
    String.raw`\bleave a (?:reply|comment)\b`,
    String.raw`\b(?:this|our) (?:site|website|page) uses\b`,
    String.raw`\bcomment data is processed\b`,
    String.raw`\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|daily|weekly|free)\b`,
    String.raw`\ball rights reserved\b`,
    String.raw`^read (?:the )?(?:entire|full|whole|more of the) (?:article|story)\b`,
    String.raw`\bclick here\b`,
    String.raw`\b(?:share|print|email) this (?:article|story|page)\b`,
    String.raw`\bfollow us on\b`,
    String.raw`\b(?:we|this site) uses? cookies\b`,
    String.raw`\bby continuing to (?:use|browse)\b`,
  ].join('|'),
  'i',
);

/** True for a sentence that belongs to the web page rather than to the report. */
export function isPageFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence.trim());
}
