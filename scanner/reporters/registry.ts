import { LexguardError } from '../errors';
import { auditJsonReporter } from './audit-json';
import { auditMarkdownReporter } from './audit-markdown';
import { csvReporter } from './csv';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { markdownReporter } from './markdown';
import type { Reporter } from './reporter';
import { sarifReporter } from './sarif';
import { tableReporter } from './table';

const REPORTERS: readonly Reporter[] = [
  tableReporter,
  jsonReporter,
  sarifReporter,
  junitReporter,
  markdownReporter,
  htmlReporter,
  auditMarkdownReporter,
  csvReporter,
  auditJsonReporter,
];

export function reporterNames(): string[] {
  return REPORTERS.map((reporter) => reporter.name);
}

export function reporterFor(name: string): Reporter {
  const reporter = REPORTERS.find((candidate) => candidate.name === name);
  if (!reporter) {
    throw new LexguardError('USAGE', `unknown format "${name}"; choose one of ${reporterNames().join(', ')}`);
  }
  return reporter;
}
