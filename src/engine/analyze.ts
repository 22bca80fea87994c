// The engine's front door: articles in, entities and facts out. Pure: no I/O, no vscode.
import type { Analysis, ArticleInput, EntityType, Warning } from './model';
import { parseArticle } from './text/article';
import { findEntities } from './entities';
import { findFacts } from './facts';

export interface AnalyzeOptions {
  /** Entity types to report; all when omitted. */
  entityTypes?: readonly EntityType[];
  /** Publication dates (YYYY-MM-DD) by article file, when known from outside the text. */
  published?: Readonly<Record<string, string>>;
  /** Warnings gathered while reading the files, passed through to the result. */
  warnings?: Warning[];
}

export function analyzeCorpus(inputs: readonly ArticleInput[], options: AnalyzeOptions = {}): Analysis {
  const articles = inputs.map((input) => {
    const article = parseArticle(input);
    const published = options.published?.[input.file];
    return published ? { ...article, published } : article;
  });
  const entities = findEntities(articles, options);
  const facts = findFacts(articles, entities, options);
  return { articles, entities, facts, warnings: [...(options.warnings ?? [])] };
}
