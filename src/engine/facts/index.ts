// Claim extraction and fact alignment (owned by the facts work).
import type { Article, Entity, Fact } from '../model';
import type { AnalyzeOptions } from '../analyze';

export function findFacts(_articles: readonly Article[], _entities: readonly Entity[], _options: AnalyzeOptions): Fact[] {
  return [];
}
