// Names listed together ("in Luhansk, Donetsk and Kherson", "USA, UK, France, and Germany") are of one
// kind: a name with no cue of its own takes the type its list-mates point to.
import type { Article } from '../model';
import type { Candidate } from './mentions';
import { leadingType } from './group';

const LIST_GAP = /^\s*(,\s*(and\s+|or\s+)?|(and|or)\s+)$/;

export function shareListVotes(candidates: readonly Candidate[], articles: ReadonlyMap<string, Article>): void {
  const bySentence = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = `${c.article}\u0000${c.sentence}`;
    const list = bySentence.get(k);
    if (list) list.push(c);
    else bySentence.set(k, [c]);
  }
  for (const list of bySentence.values()) {
    list.sort((a, b) => a.start - b.start);
    const text = articles.get(list[0].article)!.text;
    let chain: Candidate[] = [list[0]];
    const flush = () => {
      if (chain.length >= 2) {
        const sum = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
        for (const c of chain) for (const t of Object.keys(sum) as (keyof typeof sum)[]) sum[t] += c.votes[t];
        const type = leadingType(sum);
        if (type) for (const c of chain) if (!leadingType(c.votes)) c.votes = { ...c.votes, [type]: 1 };
      }
    };
    for (let i = 1; i < list.length; i++) {
      const gapEnd = list[i].start;
      const gapStart = list[i - 1].end;
      // A possessive ends the previous name, so its 's is part of the gap: "Russia's" is not listed.
      if (gapEnd > gapStart && LIST_GAP.test(text.slice(gapStart, gapEnd))) chain.push(list[i]);
      else { flush(); chain = [list[i]]; }
    }
    flush();
  }
}
