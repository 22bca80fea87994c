// The Markdown report of `crosscheck report`: conflicts first, each fact a table with one row per source.
// Article text is untrusted and the report is pasted elsewhere (issue trackers, chat, wikis), so every piece
// of it is escaped: no Markdown or HTML from an article can format, link or inject anything.
import type { Analysis, Claim, Fact, Verdict } from '../model';

const ORDER: Verdict[] = ['conflict', 'variant', 'agree', 'single'];
const HEADINGS: Record<Verdict, string> = {
  conflict: 'Conflicts: sources disagree',
  variant: 'Variants: same fact, worded or spelled differently',
  agree: 'Agreements',
  single: 'Given by one source only',
};

/**
 * Escapes text for a Markdown table cell: backslash-escapes every Markdown punctuation character, turns
 * HTML-significant characters into entities, and flattens line breaks (a table row is one line).
 */
export function escapeMarkdown(s: string): string {
  return s
    // controls would drive a terminal the report is printed to; bidi overrides and isolates would reorder
    // what a reader sees and zero-width characters hide a difference ("Trojan Source"): dropped and shown as a code respectively
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    // an escaped "\>" is still safe; "&" above already covers entity injection
    .replace(/:\/\//g, ':&#47;&#47;');
}

export interface ReportOptions {
  /** Include facts given by one source only (off by default: they are many and not comparisons). */
  singles?: boolean;
  /** Title line; defaults to the folder summary. */
  title?: string;
}

export function formatReport(a: Analysis, options: ReportOptions = {}): string {
  const titles = new Map(a.articles.map((x) => [x.id, x.title || x.file]));
  const files = new Map(a.articles.map((x) => [x.id, x.file]));
  const texts = new Map(a.articles.map((x) => [x.id, x.text]));
  const lines: string[] = [];
  const counts = Object.fromEntries(ORDER.map((v) => [v, a.facts.filter((f) => f.verdict === v).length])) as Record<Verdict, number>;
  lines.push(`# ${escapeMarkdown(options.title ?? 'Crosscheck report')}`);
  lines.push('');
  lines.push(`${a.articles.length} source${a.articles.length === 1 ? '' : 's'}: ${counts.conflict} conflict${counts.conflict === 1 ? '' : 's'}, ${counts.variant} variant${counts.variant === 1 ? '' : 's'}, ${counts.agree} agreement${counts.agree === 1 ? '' : 's'}, ${counts.single} single-source fact${counts.single === 1 ? '' : 's'}.`);
  lines.push('');
  lines.push('## Sources');
  lines.push('');
  a.articles.forEach((art, i) => lines.push(`${i + 1}. ${escapeMarkdown(art.title || art.file)} (${escapeMarkdown(art.file)}${art.published ? `, ${escapeMarkdown(art.published)}` : ''})`));
  const sourceNo = new Map(a.articles.map((x, i) => [x.id, i + 1]));
  for (const verdict of ORDER) {
    if (verdict === 'single' && !options.singles) continue;
    const facts = a.facts.filter((f) => f.verdict === verdict);
    if (facts.length === 0) continue;
    lines.push('');
    lines.push(`## ${HEADINGS[verdict]}`);
    for (const f of facts) lines.push('', ...factSection(f, titles, files, sourceNo, texts));
  }
  if (!options.singles && counts.single > 0) {
    lines.push('');
    lines.push(`${counts.single} fact${counts.single === 1 ? ' is' : 's are'} given by one source only (\`--singles\` lists them).`);
  }
  return lines.join('\n') + '\n';
}

/** The claim inside its sentence, the claim in bold, cut to about 240 characters around it. */
function quoteOf(c: Claim, text: string | undefined): string {
  if (!text || c.kind === 'statement') return escapeMarkdown(c.text.length > 240 ? c.text.slice(0, 237) + '…' : c.text);
  let before = text.slice(c.sentence.start, c.start);
  let after = text.slice(c.end, c.sentence.end);
  if (before.length > 120) before = '…' + before.slice(before.length - 119).replace(/^\S*\s/, '');
  if (after.length > 120) after = after.slice(0, 119).replace(/\s\S*$/, '') + '…';
  return `${escapeMarkdown(before)}**${escapeMarkdown(c.text)}**${escapeMarkdown(after)}`;
}

function factSection(f: Fact, titles: ReadonlyMap<string, string>, files: ReadonlyMap<string, string>, sourceNo: ReadonlyMap<string, number>, texts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  out.push(`### ${escapeMarkdown(f.label)} (${f.verdict})`);
  out.push('');
  out.push(escapeMarkdown(f.reason));
  out.push('');
  // a person's judgement (from the folder's decisions or an annotation) is shown apart from the engine's
  if (f.review && (f.review.verdict || f.review.note)) {
    out.push(`Reviewed: ${escapeMarkdown([f.review.verdict, f.review.note].filter(Boolean).join(' — '))}`);
    out.push('');
  }
  out.push('| Source | Quote | Value | Attribution |');
  out.push('|---|---|---|---|');
  for (const c of f.claims) {
    const title = titles.get(c.article) ?? files.get(c.article) ?? c.article;
    const src = `${sourceNo.get(c.article) ?? '?'}\\. ${escapeMarkdown(title.length > 60 ? title.slice(0, 57) + '…' : title)}`;
    const quote = quoteOf(c, texts.get(c.article));
    const value = escapeMarkdown(c.value.length > 120 ? c.value.slice(0, 117) + '…' : c.value);
    const who = [c.attribution ? `per ${c.attribution}` : '', c.hedge ?? '', c.review?.verdict ? `reviewed: ${c.review.verdict}` : ''].filter(Boolean).join('; ');
    out.push(`| ${src} | ${quote} | ${c.kind === 'statement' ? '' : value} | ${escapeMarkdown(who)} |`);
  }
  return out;
}
