import { parseArticle } from '../src/engine/text/article';
import { extractMentions } from '../src/engine/entities';
import { acceptCandidate, gatherEvidence } from '../src/engine/entities/accept';
import { shareListVotes } from '../src/engine/entities/lists';
import { buildForms, groupForms } from '../src/engine/entities/group';
import { allEntitiesFromMentions } from '../src/engine/entities';
import { findDescriptions } from '../src/engine/entities/descriptions';
import { claimContextOf } from '../src/engine/facts';
import { storiesOf } from '../src/engine/facts/stories';
import { readArticleFolder } from '../src/node/folder';

async function main() {
  const { inputs } = await readArticleFolder(process.argv[2]);
  const articles = inputs.map(parseArticle);
  const perArticle = articles.map(extractMentions);
  for (let round = 0; round < 4; round++) {
    let t = performance.now();
    const lap = (n: string) => { const now = performance.now(); process.stdout.write(`${n} ${(now - t).toFixed(0)}  `); t = now; };
    const evidence = gatherEvidence(perArticle); lap('evidence');
    const accepted = perArticle.flatMap((a) => a.candidates.flatMap((c) => acceptCandidate(c, evidence).map((x) => (x === c ? { ...c } : x)))); lap('accept');
    shareListVotes(accepted, new Map(articles.map((a) => [a.id, a]))); lap('lists');
    const forms = buildForms(accepted); lap('forms');
    const groups = groupForms(forms); lap('group');
    const all = allEntitiesFromMentions(articles, perArticle); lap('allEntities');
    findDescriptions(articles, all.filter((e) => !e.description)); lap('descr');
    claimContextOf(all); lap('context');
    storiesOf(articles, all); lap('stories');
    process.stdout.write(`| ${accepted.length} accepted, ${forms.length} forms, ${groups.length} groups, ${all.length} entities\n`);
  }
}
void main();
