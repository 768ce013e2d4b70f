import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** Generated corpus and raw tool outputs: git-ignored, rebuilt on every run. */
export const OUT = path.join(ROOT, 'bench', 'out', 'peers');
/** Installed peers (virtualenvs, cargo and Go builds, npm packages): git-ignored, reused from run to run. */
export const PEERS = path.join(ROOT, 'bench', '.peers');
/** What the script writes and the repository keeps. */
export const RESULTS_MD = path.join(ROOT, 'bench', 'RESULTS.md');
export const RESULTS_JSON = path.join(ROOT, 'bench', 'results.json');
