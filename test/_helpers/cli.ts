import { main } from '../../scanner/cli/main';
import type { OutputSink } from '../../scanner/cli/output';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** Runs the lexguard CLI in this process, capturing what it prints and writes. */
export async function runCli(args: string[]): Promise<CliRun> {
  const run: CliRun = { code: -1, stdout: '', stderr: '', files: {} };
  const sink: OutputSink = {
    stdout: (text) => {
      run.stdout += text;
    },
    stderr: (text) => {
      run.stderr += text;
    },
    writeFile: (file, text) => {
      run.files[file] = typeof text === 'string' ? text : [...text].join('');
    },
    colorful: false,
  };
  run.code = await main(args, sink);
  return run;
}
