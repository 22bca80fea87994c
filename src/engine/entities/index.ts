// Entity extraction and cross-article grouping (owned by the entities work).
import type { Article, Entity } from '../model';
import type { AnalyzeOptions } from '../analyze';

export function findEntities(_articles: readonly Article[], _options: AnalyzeOptions): Entity[] {
  return [];
}
