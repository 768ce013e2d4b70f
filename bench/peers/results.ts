/** What a run of `npm run bench` records: written as bench/results.json and rendered as bench/RESULTS.md. */
import type { Control } from '../corpus/controls';
import type { ControlScore } from './findings';
import type { Installed } from './install';
import type { Machine } from './machine';
import type { Run } from './measure';
import type { ProfileSummary } from './profile';
import type { Spread } from './stats';

export interface ToolInfo {
  id: string;
  name: string;
  checks: string;
  equivalents: Record<Control, string | null>;
  installed?: Installed;
  /** Why it could not be installed or set up, exactly as the installer said. */
  error?: string;
}

export interface ItemSummary {
  name: string;
  kind: string;
  format: string;
  files: number;
  resources: number;
  bytes: number;
  origin?: string;
  /** Failing resources per control, as the generator made them. */
  truth?: Record<Control, number>;
  checked?: Record<Control, number>;
}

export interface Cell {
  tool: string;
  warmup?: Run;
  runs: Run[];
  wallMs?: Spread;
  cpuMs?: Spread;
  /** Largest peak resident memory over the measured runs. */
  peakRssMb?: number;
  resourcesPerSecond?: number;
  /** This tool's wall time over lexguard's (five controls) in the same round; > 1: lexguard was faster. */
  ratioToFive?: Spread;
  ratioToFull?: Spread;
  /** Why fewer than the usual number of runs were measured. */
  bounded?: string;
  scores?: Record<Control, ControlScore>;
  /** Failing verdicts on the five controls it reported, ground truth or not. */
  reported?: number;
  reportedByControl?: Record<Control, number>;
  undecided?: number;
  problems?: number;
  /** lexguard's --timings per phase. */
  timings?: Record<string, Spread>;
  error?: string;
}

export interface ItemResult {
  item: ItemSummary;
  cells: Cell[];
  /** Smallest and largest 1-minute load average seen before the runs of this item. */
  load: [number, number];
  /** `uptime` when this item's runs began. */
  uptime?: string;
}

export interface SynthCell {
  variant: string;
  label: string;
  warmup?: Run;
  runs: Run[];
  wallMs?: Spread;
  cpuMs?: Spread;
  peakRssMb?: number;
  /** Synth time over the plugin-less synth in the same round. */
  ratioToNone?: Spread;
  /** Both plugins over cdk-nag alone in the same round: what lexguard adds to the store as it ships. */
  ratioToNag?: Spread;

  exitCodes: number[];
  error?: string;
}

export interface SynthResult {
  app: string;
  cdkNag?: Installed;
  cells: SynthCell[];
  load: [number, number];
  error?: string;
}

export interface Target {
  name: string;
  where: string;
  /** The measured ratio (median of the pairs). */
  value: number;
  threshold: string;
  met: boolean;
  verdict: string;
}

export interface ProfileReport {
  why: string;
  command: string;
  summary?: ProfileSummary;
  error?: string;
}

export interface Results {
  schema: 'lexguard-bench-peers/1';
  generatedAt: string;
  durationSeconds: number;
  command: string;
  settings: { runs: number; budgetSeconds: number; synthRuns: number };
  machine: Machine;
  uptime: { start: string; end: string };
  tools: ToolInfo[];
  items: ItemResult[];
  synth?: SynthResult;
  targets: Target[];
  profiles: ProfileReport[];
}
