import { analyzeCorpus } from './src/engine/analyze';
import { parseArticle } from './src/engine/text/article';
import { extractMentions } from './src/engine/entities/mentions';
const texts = process.argv.slice(2);
texts.forEach((t, i) => { for (const c of extractMentions(parseArticle({ file: `a${i}.txt`, text: t })).candidates) console.log(i, JSON.stringify(c.text), c.evidence, c.role ?? '', JSON.stringify(c.votes)); });
for (const e of analyzeCorpus(texts.map((text, i) => ({ file: `a${i}.txt`, text }))).entities) console.log(e.type, e.name, '|', e.variants.join(' / '));
