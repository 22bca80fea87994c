// Names listed together ("in Luhansk, Donetsk and Kherson", "USA, UK, France, and Germany") are of one
// kind: a name with no cue of its own takes the type its list-mates point to.
import type { Article } from '../model';
import type { Candidate } from './mentions';
import { leadingType } from './group';

const LIST_GAP = /^\s*(,\s*(and\s+|or\s+)?|(and|or)\s+)$/;

/** What the text between two names of one sentence makes of them: listed, listed with "and"/"or", or not. */
export function listGap(gap: string): 'none' | 'comma' | 'conjunction' {
  if (!LIST_GAP.test(gap)) return 'none';
  return /\b(and|or)\b/.test(gap) ? 'conjunction' : 'comma';
}

/** `candidates` in text order within each article (as extraction gives them). */
export function shareListVotes(candidates: readonly Candidate[], articles: ReadonlyMap<string, Article>): void {
  let chain: Candidate[] = [];
  let conjunction = false;
  const flush = () => {
    // Two names with only a comma between are more often an apposition ("Laura Chen, Acme's CEO").
    if (chain.length >= 3 || (chain.length === 2 && conjunction)) {
      const sum = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
      for (const c of chain) for (const t of Object.keys(sum) as (keyof typeof sum)[]) sum[t] += c.votes[t];
      const type = leadingType(sum);
      if (type) for (const c of chain) if (!leadingType(c.votes)) c.votes = { ...c.votes, [type]: 1 };
    }
  };
  for (const c of candidates) {
    const prev = chain[chain.length - 1];
    // A possessive ends the previous name, so its 's is part of the gap: "Russia's" is not listed.
    const gap = prev && prev.article === c.article && prev.sentence === c.sentence && c.start > prev.end
      ? articles.get(c.article)!.text.slice(prev.end, c.start) : undefined;
    const kind = gap === undefined ? 'none' : listGap(gap);
    if (kind !== 'none') {
      chain.push(c);
      conjunction ||= kind === 'conjunction';
      continue;
    }
    flush();
    chain = [c];
    conjunction = false;
  }
  flush();
}
