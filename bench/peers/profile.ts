/**
 * Where the time goes when a target is missed: one run under V8's CPU profiler (`--cpu-prof`), its samples
 * added up by self time into areas a reader can act on (lexguard's own folders, each npm package, the Wasm
 * policy, garbage collection, Node itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  area: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  areas: ProfileShare[];
  functions: ProfileShare[];
}

/** lexguard's folder two levels down (`sources/template`), a package, or what V8 names. */
export function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)' || functionName === '(idle)') return `V8 ${functionName}`;
    return 'V8 and Node built-ins';
  }
  if (url.startsWith('wasm://')) return 'policy evaluation (Wasm)';
  if (url.startsWith('node:')) return 'Node built-ins (JS)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  const own = /\/(scanner|bench|bin|lib|test)\/((?:[^/]+\/)?)/.exec(url);
  if (own) {
    const parts = url.slice(url.indexOf(`/${own[1]}/`) + 1).split('/');
    return `lexguard ${parts.slice(0, parts.length > 3 ? 3 : parts.length - 1).join('/')}`;
  }
  return url;
}

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame || ms <= 0) return;
    total += ms;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : 'native';
    const name = `${frame.functionName || '(anonymous)'} (${where})`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  const ranked = (map: Map<string, number>): ProfileShare[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, ms]) => ({ area, ms, share: ms / total }));
  return { totalMs: total, areas: ranked(areas), functions: ranked(functions) };
}

/** The largest profile in a folder: the process that did the work (a CDK synth writes one per process). */
export function largestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new Error(`no CPU profile was written to ${dir}`);
  return files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
}
