import { CORE_SCHEMA, load, parseEvents, YAMLException } from 'js-yaml';
import { LexguardError } from '../../errors';
import { readTextFile } from '../read-text-file';
import { EventPositionIndex, LineTable } from './positions';

/**
 * Reads a file of template parameter values, in any of the forms people keep them in:
 * - the AWS CLI's `[{"ParameterKey": "Env", "ParameterValue": "prod"}, …]`;
 * - a plain map `{"Env": "prod", …}` (YAML too), list values joined with commas as CloudFormation reads
 *   a `CommaDelimitedList`;
 * - CodePipeline's template configuration `{"Parameters": {"Env": "prod"}}`.
 * A malformed file or entry is refused with its position.
 */
export function readParameterFile(file: string): Record<string, string> {
  const text = readTextFile(file);
  let lines: LineTable | undefined;
  const lineTable = (): LineTable => (lines ??= new LineTable(text));
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA });
  } catch (thrown) {
    const mark = thrown instanceof YAMLException ? thrown.mark : undefined;
    const reason = thrown instanceof YAMLException ? thrown.reason : String(thrown);
    throw new LexguardError('INPUT_MALFORMED', `invalid parameter file: ${reason}`, {
      position: { file, ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) },
    });
  }
  const positions = new EventPositionIndex(text, lineTable, () => ({
    events: parseEvents(text, {}),
    root: 1,
  }));
  const refuse = (message: string, path: Array<string | number>): never => {
    throw new LexguardError('INPUT_MALFORMED', message, {
      position: { file, ...(positions.nearest(path) ?? { line: 1 }) },
    });
  };

  if (Array.isArray(raw)) {
    const values: Record<string, string> = {};
    raw.forEach((entry: unknown, index) => {
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const key = record.ParameterKey;
      if (typeof key !== 'string' || key === '') refuse(`entry ${index + 1} has no ParameterKey`, [index]);
      if (record.UsePreviousValue === true)
        refuse(`${String(key)} uses its previous value, which only a deployed stack knows`, [index]);
      const value = asParameterValue(record.ParameterValue);
      if (value === undefined)
        refuse(`${String(key)}: ParameterValue must be a string, a number or a list`, [index]);
      values[key as string] = value as string;
    });
    return values;
  }
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    const nested = Object.keys(record).length === 1 && typeof record.Parameters === 'object';
    const map = (nested ? record.Parameters : record) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const [key, item] of Object.entries(map)) {
      const value = asParameterValue(item);
      if (value === undefined)
        refuse(`${key} must be a string, a number or a list`, nested ? ['Parameters', key] : [key]);
      values[key] = value as string;
    }
    return values;
  }
  return refuse(
    'a parameter file holds a list of {ParameterKey, ParameterValue} or a map of names to values',
    [],
  );
}

function asParameterValue(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join(',');
  return undefined;
}
