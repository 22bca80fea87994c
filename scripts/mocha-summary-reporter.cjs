// mocha's spec reporter plus one plain closing line, "<label>: N passed, N failed, N skipped", which
// `npm test` (scripts/test-all.ts) and CI read. The label comes from --reporter-option label=<name>.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = options?.reporterOption?.label ?? options?.reporterOptions?.label ?? 'tests';
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats;
      // After the spec reporter's own epilogue, which it prints on the same event.
      setImmediate(() => console.log(`${label}: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`));
    });
  }
}

module.exports = SummaryReporter;
