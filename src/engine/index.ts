// Public surface of the engine for the CLI, the extension and tests.
export * from './model';
export { analyzeCorpus, type AnalyzeOptions } from './analyze';
export { parseArticle, articleIdFor, sentenceAt } from './text/article';
export { decodeArticleBytes, type Decoded } from './text/decode';
