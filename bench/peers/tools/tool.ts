import { statSync } from 'node:fs';
import type { Control, FindingKey } from '../../corpus/controls';
import type { CorpusItem } from '../../corpus/build-corpus';
import type { Installed } from '../install';
import type { Command } from '../measure';

/** What one run of a tool left behind, for reading its findings. */
export interface RunOutput {
  item: CorpusItem;
  stdoutFile: string;
  /** The report file the tool was told to write, when it writes one. */
  reportFile: string;
}

/** What a tool reported on the five controls, and what else it found. */
export interface ToolFindings {
  /** FAIL verdicts on the five controls, by the tool's equivalent checks. */
  failing: FindingKey[];
  /** Verdicts that are neither pass nor fail (lexguard's UNKNOWN): not counted as found. */
  undecided: number;
}

/** One scanner of the side-by-side benchmark, run as its users run it. */
export interface Tool {
  id: string;
  name: string;
  /** What it was asked to check, in words, for the results table. */
  checks: string;
  /** Its own check standing for each control; null where it has none. */
  equivalents: Record<Control, string | null>;
  /** Installs (or reuses) the pinned version; throws an InstallError with the exact error. */
  install(): Installed;
  command(item: CorpusItem, reportFile: string): Command;
  /** Exit codes of a run that completed (findings or not); any other is a failed run. */
  completedExitCodes: readonly number[];
  /** Reads the findings of a completed run; undefined for a tool that judges none of the five controls. */
  findings(output: RunOutput): ToolFindings | undefined;
  /** How many problems of any kind the run reported (for tools with no equivalent of the five). */
  problems?(output: RunOutput): number;
}

/** The file a finding names, as the ground truth names it: every corpus item is one flat folder. */
export const fileKey = (reported: string): string => reported.split(/[\\/]/).pop() ?? reported;

export const isDirectory = (file: string): boolean => statSync(file).isDirectory();
