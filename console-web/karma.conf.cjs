// Karma for console-web, run through `nx test console-web` (@angular/build:karma builds the specs).
// Writes {suite, passed, failed, skipped} to test-output/results/console-web.json for the summary.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const SUITE = 'console-web';
const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(REPO_ROOT, 'test-output', 'results', `${SUITE}.json`);

process.env.CHROME_BIN ??= '/usr/bin/chromium';

// jasmine-core 7 boots itself and no longer exposes `jasmineRequire`, which karma-jasmine 5's boot.js
// needs; so load jasmine-core directly, then only karma-jasmine's adapter.
function classicScript(pattern) {
  const file = { included: true, pattern, served: true, watched: false };
  // The Angular builder turns every .js file into an ES module; jasmine-core must stay a classic
  // script (it warns when loaded as a module) and run before the spec modules.
  Object.defineProperty(file, 'type', { enumerable: true, get: () => 'js', set() {} });
  return file;
}
function jasmineFramework(files) {
  const coreDir = path.join(path.dirname(require.resolve('jasmine-core')), 'jasmine-core');
  const adapterDir = path.dirname(require.resolve('karma-jasmine'));
  files.unshift(classicScript(path.join(adapterDir, 'adapter.js')));
  files.unshift(classicScript(path.join(coreDir, 'jasmine.js')));
}
jasmineFramework.$inject = ['config.files'];

// One line per spec, failures with their message, and the results file for the test runner.
function ResultsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const counts = { failed: 0, passed: 0, skipped: 0 };
  const failures = [];
  const name = (result) => [...result.suite, result.description].join(' > ');

  const baseRunStart = this.onRunStart;
  this.onRunStart = () => {
    baseRunStart();
    counts.failed = counts.passed = counts.skipped = 0;
    failures.length = 0;
  };
  this.specSuccess = (_browser, result) => {
    counts.passed++;
    this.write(`  \u2713 ${name(result)}\n`);
  };
  this.specSkipped = (_browser, result) => {
    counts.skipped++;
    this.write(`  - ${name(result)} (skipped)\n`);
  };
  this.specFailure = (_browser, result) => {
    counts.failed++;
    failures.push(result);
    this.write(`  \u2717 ${name(result)}\n`);
    for (const log of result.log)
      this.write(`      ${String(log).split('\n').slice(0, 6).join('\n      ')}\n`);
  };
  this.onBrowserError = (browser, error) => {
    // An error outside any spec (a throwing import, afterAll) fails the run, so count it.
    counts.failed++;
    this.write(`  \u2717 ${browser.name}: ${String(error?.message ?? error)}\n`);
  };
  this.onRunComplete = (_browsers, results) => {
    if ((results.error || results.disconnected) && counts.failed === 0) counts.failed++;
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify({ suite: SUITE, ...counts }));
    this.write(
      `${SUITE}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  };
}
ResultsReporter.$inject = ['baseReporterDecorator'];

module.exports = (config) => {
  config.set({
    browsers: ['ChromeHeadlessCI'],
    client: { jasmine: { random: false } },
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-dev-shm-usage',
        ],
      },
    },
    frameworks: ['nta-jasmine'],
    plugins: [
      require('karma-chrome-launcher'),
      require('karma-jasmine'),
      { 'framework:nta-jasmine': ['factory', jasmineFramework] },
      { 'reporter:nta-results': ['type', ResultsReporter] },
    ],
    reporters: ['nta-results'],
    singleRun: true,
  });
};
