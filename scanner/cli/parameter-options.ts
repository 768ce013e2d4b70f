import type { Command } from 'commander';
import { readParameterFile } from '../sources/template/parameter-file';
import { collectParameter } from './options';

/** Template parameter values: files first, in order, then `--param`, which wins. */
export interface ParameterOptions {
  param: Record<string, string>;
  parameters: string[];
}

export function addParameterOptions(command: Command): Command {
  return command
    .option(
      '-p, --param <Key=Value>',
      'a template parameter value, or a pseudo parameter such as AWS::Region=eu-west-1 (repeatable; wins over files)',
      collectParameter,
      {},
    )
    .option(
      '--parameters <file>',
      'a parameter file: [{ParameterKey, ParameterValue}] as the AWS CLI takes it, or a map of names to values (repeatable)',
      (file: string, previous: string[]) => [...previous, file],
      [],
    );
}

/** Reads the parameter files before anything is scanned, so a bad one stops the run at once. */
export function parametersFrom(options: ParameterOptions): Record<string, string> {
  const fromFiles = options.parameters.map((file) => readParameterFile(file));
  return Object.assign({}, ...fromFiles, options.param) as Record<string, string>;
}
