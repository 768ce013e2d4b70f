import { InvalidArgumentError } from 'commander';
import { isSeverity, type Severity } from '../findings/severity';

/** `--param Key=Value`, repeatable. */
export function collectParameter(value: string, previous: Record<string, string>): Record<string, string> {
  const equals = value.indexOf('=');
  if (equals <= 0) throw new InvalidArgumentError(`expected Key=Value, got "${value}"`);
  return { ...previous, [value.slice(0, equals)]: value.slice(equals + 1) };
}

export function parseSeverity(value: string): Severity {
  const upper = value.toUpperCase();
  if (!isSeverity(upper)) throw new InvalidArgumentError('expected critical, high, medium or low');
  return upper;
}
