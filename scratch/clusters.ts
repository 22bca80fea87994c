import { parseArticle } from '../src/engine/text/article';
import { extractMentions } from '../src/engine/entities';
import { acceptCandidate, gatherEvidence } from '../src/engine/entities/accept';
import { shareListVotes } from '../src/engine/entities/lists';
import { buildForms, deleteKeys, leadingType, type Form } from '../src/engine/entities/group';
import { foldName } from '../src/engine/entities/fold';
import { countryOfDemonym, demonymStems, knownPlace, placeStems } from '../src/engine/entities/places';
import { ORG_FILLER } from '../src/engine/entities/words';
import { readArticleFolder } from '../src/node/folder';

const COMPANY_SUFFIXES = new Set(['corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'co', 'ag', 'sa', 'gmbh', 'nv', 'bv', 'spa', 'oyj', 'ab', 'asa']);
function keys(f: Form): string[] {
  const out: string[] = ['T:' + f.words.join(' '), 'K:' + f.key];
  const kp = knownPlace(f.key); if (kp) out.push('K:' + foldName(kp.name));
  const cd = countryOfDemonym(f.key); if (cd) out.push('K:' + foldName(cd));
  for (const s of placeStems(f.key)) out.push('P:' + s);
  for (const s of demonymStems(f.key)) out.push('P:' + s);
  out.push('O:' + f.key.split(' ').filter((w) => !ORG_FILLER.has(w) && !COMPANY_SUFFIXES.has(w)).sort().join(' '));
  const n = f.words.length;
  const sur = f.words[n - 1];
  if (n >= 2) { out.push('G:' + f.words.slice(0, -1).join(' ') + '|' + sur[0]); out.push('S:' + sur); for (const k of deleteKeys(sur, 1)) out.push('N:' + k); out.push('F:' + f.words[0]); }
  if (n === 1) { out.push('S:' + sur, 'F:' + sur); for (const k of deleteKeys(sur, 1)) out.push('N:' + k); if (f.key.length >= 6) for (const k of deleteKeys(f.words[0], f.words[0].length >= 7 ? 1 : 0)) out.push('D:' + k); }
  return out;
}
async function main() {
  const { inputs } = await readArticleFolder(process.argv[2]);
  const articles = inputs.map(parseArticle);
  const perArticle = articles.map(extractMentions);
  const evidence = gatherEvidence(perArticle);
  const accepted = perArticle.flatMap((a) => a.candidates.flatMap((c) => acceptCandidate(c, evidence).map((x) => (x === c ? { ...c } : x))));
  shareListVotes(accepted, new Map(articles.map((a) => [a.id, a])));
  const forms = buildForms(accepted);
  const parent = forms.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const byKey = new Map<string, number>();
  const keyCount = new Map<string, number>();
  forms.forEach((f, i) => { for (const k of keys(f)) { keyCount.set(k, (keyCount.get(k) ?? 0) + 1); const o = byKey.get(k); if (o === undefined) byKey.set(k, i); else parent[find(i)] = find(o); } });
  const size = new Map<number, number>();
  forms.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1));
  const sizes = [...size.values()].sort((a, b) => b - a);
  console.log(forms.length, 'forms', sizes.length, 'clusters; biggest', sizes.slice(0, 15));
  console.log('biggest keys', [...keyCount].sort((a, b) => b[1] - a[1]).slice(0, 20));
}
void main();
