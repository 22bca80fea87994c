// The markdown of Crosscheck's hover cards, built from engine data. Pure so it can be tested in plain node;
// the extension wraps it in a MarkdownString that trusts only Crosscheck's own commands. Every piece of
// article text goes through escapeMarkdown; links are built only by commandUri from ids and offsets.
import type { Claim, Entity, Fact, Verdict } from '../engine/model';
import type { AnalysisIndex } from './analysisIndex';
import { COMMANDS, commandUri } from './commands';
import { escapeMarkdown, truncate, oneLine } from './escape';

export const VERDICT_TITLES: Record<Verdict, string> = {
  conflict: 'Conflict',
  variant: 'Variant',
  agree: 'Agree',
  single: 'Single source',
};

const TYPE_TITLES: Record<string, string> = {
  person: 'person',
  place: 'place',
  organization: 'organization',
  event: 'event',
  other: 'name',
};

/**
 * A hover is read at a glance: in a large folder a name can be in hundreds of sources and a fact in dozens.
 * Past these the card says how many more there are (the Entities view and the Compare panel list them all);
 * this also keeps each hover's markdown small, which VS Code parses on the extension host's thread.
 */
export const HOVER_LIMITS = { sourcesPerSpelling: 6, spellings: 12, facts: 8, claims: 12 } as const;

function more(n: number, what: string): string {
  return `\u2026and ${n} more ${what}`;
}

/** A name longer than this (a renamed entity in a sidecar can be any length) is cut, so a hover stays a card. */
const MAX_NAME = 120;

function spanLink(index: AnalysisIndex, article: string, start: number, end: number, bold = false): string {
  const label = escapeMarkdown(index.sourceLabel(article));
  const link = `[${label}](${commandUri(COMMANDS.openSpan, { article, start, end })})`;
  return bold ? `**${link}**` : link;
}

function compareLink(fact: Fact, title = 'Compare'): string {
  return `[${title}](${commandUri(COMMANDS.compareClaim, { fact: fact.id })})`;
}

/** The hover over a name: the entity, its type, each spelling with the sources that use it, and its facts. */
export function entityHoverMarkdown(index: AnalysisIndex, entity: Entity, currentArticle?: string): string {
  const total = index.counts.articles;
  const out: string[] = [];
  out.push(
    `**${escapeMarkdown(truncate(oneLine(entity.name), MAX_NAME))}** \u2014 ${TYPE_TITLES[entity.type] ?? escapeMarkdown(truncate(oneLine(entity.type), 40))}, ` +
      `mentioned by ${entity.articles.length} of ${total} source${total === 1 ? '' : 's'}`,
  );
  out.push('');
  out.push('| Spelling | Sources |');
  out.push('|:--|:--|');
  // The first mention of each spelling in each article and the facts about the entity, made once per entity
  // by the index (ahead of hovers): a name in every article has thousands of mentions.
  const summary = index.entitySummary(entity);
  const firstMention = summary.firstMentions;
  // The spelling this article uses first, then the most widely used.
  const spellings = [...entity.spellings].sort((a, b) =>
    Number(b.articles.includes(currentArticle ?? '\u0000')) - Number(a.articles.includes(currentArticle ?? '\u0000')) || b.articles.length - a.articles.length);
  for (const s of spellings.slice(0, HOVER_LIMITS.spellings)) {
    // This article first, then the others in folder order, up to the limit.
    const sources = currentArticle && s.articles.includes(currentArticle) ? [currentArticle, ...s.articles.filter((a) => a !== currentArticle)] : s.articles;
    const links = sources.slice(0, HOVER_LIMITS.sourcesPerSpelling).map((article) => {
      const m = firstMention.get(`${article}\u0000${s.text}`) ?? firstMention.get(article);
      return m ? spanLink(index, article, m.start, m.end, article === currentArticle) : escapeMarkdown(index.sourceLabel(article));
    });
    if (sources.length > HOVER_LIMITS.sourcesPerSpelling) links.push(more(sources.length - HOVER_LIMITS.sourcesPerSpelling, 'sources'));
    out.push(`| ${escapeMarkdown(truncate(oneLine(s.text), MAX_NAME))} | ${links.join(' \u00b7 ') || '\u2014'} |`);
  }
  if (spellings.length > HOVER_LIMITS.spellings) out.push(`| ${more(spellings.length - HOVER_LIMITS.spellings, 'spellings')} | |`);
  const facts = summary.facts;
  if (facts.length > 0) {
    out.push('');
    out.push('**Facts**');
    out.push('');
    const shown = facts.slice(0, HOVER_LIMITS.facts);
    for (const f of shown) {
      out.push(`- ${VERDICT_TITLES[f.verdict]}: ${escapeMarkdown(truncate(oneLine(f.label), 80))} \u2014 ${escapeMarkdown(truncate(oneLine(f.reason), 100))} ${compareLink(f)}`);
    }
    if (facts.length > shown.length) out.push(`- \u2026and ${facts.length - shown.length} more`);
  }
  return out.join('\n');
}

/** The hover over a claim: the same fact in every source, with the quoted words, value, attribution and verdict. */
export function factHoverMarkdown(index: AnalysisIndex, fact: Fact, currentClaim?: Claim): string {
  const out: string[] = [];
  out.push(`**${escapeMarkdown(truncate(oneLine(fact.label), 100))}** \u2014 ${VERDICT_TITLES[fact.verdict]}: ${escapeMarkdown(oneLine(fact.reason))}`);
  out.push('');
  out.push('| Source | Says | Value | Attribution |');
  out.push('|:--|:--|:--|:--|');
  // In folder order, up to the limit, always with the claim under the cursor (Compare Claim lists them all).
  const claims = fact.claims;
  const shown = claims.length <= HOVER_LIMITS.claims ? claims
    : claims.filter((c, i) => c.id === currentClaim?.id || i < HOVER_LIMITS.claims - (claims.slice(HOVER_LIMITS.claims - 1).some((x) => x.id === currentClaim?.id) ? 1 : 0));
  for (const c of shown) {
    const attribution = [c.attribution, c.hedge ? `(${c.hedge})` : undefined].filter(Boolean).join(' ');
    out.push(
      `| ${spanLink(index, c.article, c.start, c.end, c.id === currentClaim?.id)} ` +
        `| \u201c${escapeMarkdown(truncate(oneLine(c.text), 80))}\u201d ` +
        `| ${escapeMarkdown(truncate(oneLine(c.value), 40))} ` +
        `| ${attribution ? escapeMarkdown(truncate(oneLine(attribution), 60)) : '\u2014'} |`,
    );
  }
  if (claims.length > shown.length) out.push(`| ${more(claims.length - shown.length, 'sources')} | | | |`);
  const silent = index.counts.articles - new Set(fact.claims.map((c) => c.article)).size;
  out.push('');
  out.push(`${silent > 0 ? `${silent} source${silent === 1 ? ' does' : 's do'} not mention it. ` : ''}${compareLink(fact, 'Compare Claim')}`);
  return out.join('\n');
}
