// Sums the Jest JSON reports of every suite into one closing line: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['backend', 'console', 'e2e']) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    console.log(`  ${name.padEnd(8)} did not report`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suiteErrors = report.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `  ${name.padEnd(8)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped` +
      (suiteErrors ? `, ${suiteErrors} suite(s) could not run` : ''),
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteErrors;
  skipped += report.numPendingTests;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
