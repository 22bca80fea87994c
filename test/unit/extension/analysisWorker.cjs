// Runs the analysis worker from its TypeScript source in a worker thread (the unit tests run without a build).
require('tsx/cjs');
require('../../../src/extension/worker/analysisWorker.ts');
