/** bench/RESULTS.md, rendered from the results of one run: nothing in it is typed by hand. */
import { CONTROLS, CONTROL_TITLES, type Control } from '../corpus/controls';
import type { Cell, ItemResult, ProfileReport, Results, Target, ToolInfo } from './results';
import type { Spread } from './stats';

const SHORT: Record<Control, string> = {
  's3-cmk-encryption': 'S3 CMK',
  's3-tls-only': 'S3 TLS-only',
  's3-public-access-block': 'S3 BPA',
  'kms-rotation': 'KMS rotation',
  'cloudtrail-log-validation': 'Trail validation',
};

const ms = (value: number): string =>
  value >= 10_000
    ? `${(value / 1000).toFixed(1)} s`
    : value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(0)} ms`;
/** GNU time counts CPU time in hundredths of a second. */
const cpu = (value: number): string => (value < 10 ? '< 10 ms' : ms(value));
const range = (s: Spread | undefined, format: (n: number) => string): string =>
  s ? (s.n > 1 ? `${format(s.min)} – ${format(s.max)}` : '(1 run)') : '–';
const ratio = (s: Spread | undefined): string =>
  s ? `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '–';
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const row = (cells: Array<string | number>): string =>
  `| ${cells.map((c) => escape(String(c))).join(' | ')} |`;
const header = (cells: string[], align: string[]): string[] => [row(cells), `| ${align.join(' | ')} |`];

export function renderResults(results: Results): string {
  const toolName = (id: string): string => results.tools.find((tool) => tool.id === id)?.name ?? id;
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    lines.push(...more);
  };

  push(
    '# Side-by-side benchmark: lexguard and the scanners users would pick instead',
    '',
    `Written by \`${results.command}\` on ${results.generatedAt.replace('T', ' ').slice(0, 16)} UTC, from one run of ${(results.durationSeconds / 60).toFixed(0)} minutes on the machine below. Every figure comes from that run; run it again rather than edit this file. The raw figures of every run are in [results.json](results.json).`,
    '',
    'How to read it: each tool ran on the same files, as its users run it (a fresh process per scan), once to warm up and then in measured rounds interleaved with lexguard’s, so that **“× lexguard” is the median over rounds of the tool’s wall time divided by lexguard’s in the same round**: above 1, lexguard was faster. The comparison that counts is against *lexguard (five controls)*, which runs only its rules for the five compared controls; *lexguard (all rules)* is what a user gets by default. Wall times swing with the load of this shared machine; the ratios, measured side by side, move far less.',
    '',
  );

  push('## Targets', '');
  push(
    ...header(['target', 'where', 'measured', 'needed', 'verdict'], ['---', '---', '---:', '---:', '---']),
  );
  for (const target of results.targets) push(targetRow(target));
  push('');

  const m = results.machine;
  push('## Machine', '');
  push(
    ...header(
      ['CPU', 'cores', 'memory', 'OS', 'Node', 'Python', 'Go', 'Rust'],
      ['---', '---:', '---:', '---', '---', '---', '---', '---'],
    ),
  );
  push(row([m.cpu, m.cores, `${m.memoryGiB} GiB`, m.os, m.node, m.python, m.go, m.rustc]));
  push(
    '',
    `Load (\`uptime\`) at the start: \`${results.uptime.start}\``,
    '',
    `Load at the end: \`${results.uptime.end}\``,
    '',
    'The machine was shared with other work during the run; each corpus item below gives the range of the 1-minute load average seen before its runs.',
    '',
  );

  push('## Tools and what each checked', '');
  push(
    ...header(
      ['tool', 'version', 'install', 'what it ran', ...CONTROLS.map((c) => SHORT[c])],
      ['---', '---', '---', '---', ...CONTROLS.map(() => '---')],
    ),
  );
  for (const tool of results.tools) push(toolRow(tool));
  push(
    '',
    'A dash: the tool has no check for that control, and every failing resource of that control counts as missed for it.',
    '',
  );
  push(
    'The five controls: ' + CONTROLS.map((c) => `**${SHORT[c]}**: ${CONTROL_TITLES[c]}`).join('; ') + '.',
    '',
  );

  push('## Corpus', '');
  push(
    ...header(
      ['item', 'files', 'resources', 'size', ...CONTROLS.map((c) => `failing ${SHORT[c]}`)],
      ['---', '---:', '---:', '---:', ...CONTROLS.map(() => '---:')],
    ),
  );
  for (const { item } of results.items) {
    push(
      row([
        item.name,
        item.files,
        item.resources,
        size(item.bytes),
        ...CONTROLS.map((c) => (item.truth && item.checked ? `${item.truth[c]} of ${item.checked[c]}` : '–')),
      ]),
    );
  }
  push(
    '',
    'Generated templates have the document store’s mix (per ten resources: two KMS keys, three buckets each with a bucket policy, an IAM role, and a CloudTrail trail or a Backup vault); about half of the resources each control judges fail it, in several ways (SSE-S3, the AWS managed key, no encryption; a policy with no TLS statement or one that covers s3:GetObject only; all or one Block Public Access flag off; rotation or validation set false or left out). The generator records which resources fail; that record is the ground truth below. CloudFormation accepts at most 500 resources in a template, so the 1,000- and 10,000-resource templates are scaling tests, not deployable stacks (cfn-lint reports E3010 on them).',
    '',
  );
  const store = results.items.find(({ item }) => item.kind === 'document-store');
  if (store?.item.origin) push(`The document store item: ${store.item.origin}.`, '');

  push('## Time and memory', '');
  for (const result of results.items) push(...itemTable(result, toolName));

  push('## Findings against the ground truth', '');
  push(
    'Per control: found / missed / extra (extra: reported on a resource the generator made compliant). Taken from each tool’s warm-up run.',
    '',
  );
  push(
    ...header(
      ['item', 'tool', ...CONTROLS.map((c) => SHORT[c]), 'all five'],
      ['---', '---', ...CONTROLS.map(() => '---:'), '---:'],
    ),
  );
  for (const result of results.items.filter(({ item }) => item.truth)) {
    push(
      row([
        result.item.name,
        'ground truth',
        ...CONTROLS.map((c) => `${result.item.truth?.[c] ?? 0}`),
        `${Object.values(result.item.truth ?? {}).reduce((a, b) => a + b, 0)}`,
      ]),
    );
    for (const cell of result.cells) push(findingsRow(result, cell, toolName));
  }
  push('');
  if (store) {
    push(
      'On the document store’s own templates there is no ground truth (they are not generated); the failing verdicts each tool reported on the five controls:',
      '',
      ...header(
        ['tool', ...CONTROLS.map((c) => SHORT[c]), 'all five'],
        ['---', ...CONTROLS.map(() => '---:'), '---:'],
      ),
    );
    for (const cell of store.cells) {
      const counts = cell.reportedByControl;
      push(
        row([
          toolName(cell.tool),
          ...CONTROLS.map((c) => (counts ? counts[c] : '–')),
          cell.reported ?? (cell.error ? 'failed' : '–'),
        ]),
      );
    }
    push('');
  }
  const lint = results.items.flatMap(({ item, cells }) =>
    cells
      .filter((c) => c.tool === 'cfn-lint' && c.problems !== undefined)
      .map((c) => `${item.name} ${c.problems}`),
  );
  if (lint.length)
    push(
      `cfn-lint checks none of the five controls; the problems it reported (of its own kinds): ${lint.join(', ')}.`,
      '',
    );

  push('## Where lexguard’s time goes (`--timings`)', '');
  push(
    'Medians over the measured runs, in milliseconds. *start* is Node’s start-up and loading lexguard’s modules; *load* the configuration and policy bundle; *parse*, *resolve* (intrinsics, adapters, links), *evaluate* (the Wasm rules), *findings* (results to findings with positions), *report* (rendering and writing the JSON report); *other* what no phase covers; *wall* is measured outside the process and includes its exit.',
    '',
  );
  const phases = ['start', 'load', 'parse', 'resolve', 'evaluate', 'findings', 'report', 'other', 'total'];
  push(
    ...header(['item', 'lexguard', ...phases, 'wall'], ['---', '---', ...phases.map(() => '---:'), '---:']),
  );
  for (const result of results.items) {
    for (const cell of result.cells.filter((c) => c.timings)) {
      push(
        row([
          result.item.name,
          toolName(cell.tool),
          ...phases.map((p) => (cell.timings?.[p] ? cell.timings[p].median.toFixed(0) : '–')),
          cell.wallMs ? cell.wallMs.median.toFixed(0) : '–',
        ]),
      );
    }
  }
  push('');

  push(...synthSection(results));
  push(...profileSection(results.profiles));

  push('## Notes', '');
  push(
    `- Runs: ${results.settings.runs} measured runs per tool and item after one warm-up, unless a tool’s warm-up showed that ${results.settings.runs} runs would exceed ${results.settings.budgetSeconds} s; then as many as fit (at least one), and the cell says so. Synth: ${results.settings.synthRuns} runs per variant after a warm-up.`,
    '- Wall time is measured around the whole process; CPU time (user + system) and peak resident memory come from GNU time (`/usr/bin/time -v`). Resources per second: the item’s resources over the median wall time.',
    '- Every tool writes JSON to a file; Checkov runs with `--compact --quiet` (failed checks only, no code blocks), which makes its output smaller than the others’.',
    '- Peers are installed by the script, pinned, under `bench/.peers/` (git-ignored) and reused by later runs.',
  );
  const broken = results.tools.filter((tool) => tool.error);
  for (const tool of broken)
    push(`- ${tool.name} could not be installed or set up: \`\`\`${tool.error}\`\`\``);
  push('');
  return `${lines.join('\n')}\n`;
}

function targetRow(target: Target): string {
  return row([
    target.name,
    target.where,
    Number.isNaN(target.value) ? '–' : `${target.value.toFixed(2)}×`,
    target.threshold,
    `${target.met ? '**met**' : '**MISSED**'}: ${target.verdict.replace(/^(met|missed): /, '')}`,
  ]);
}

function toolRow(tool: ToolInfo): string {
  const install = tool.error
    ? 'FAILED (see Notes)'
    : tool.installed?.action === 'installed'
      ? `installed in ${tool.installed.seconds.toFixed(0)} s`
      : 'reused';
  return row([
    tool.name,
    tool.installed?.version ?? '–',
    install,
    tool.checks,
    ...CONTROLS.map((c) => tool.equivalents[c] ?? '–'),
  ]);
}

function itemTable(result: ItemResult, toolName: (id: string) => string): string[] {
  const { item } = result;
  const out = [
    `### ${item.name}: ${item.files} file${item.files === 1 ? '' : 's'}, ${item.resources} resources, ${size(item.bytes)} · load ${result.load[0].toFixed(1)}–${result.load[1].toFixed(1)}`,
    '',
    ...(result.uptime ? [`\`uptime\` as its runs began: \`${result.uptime}\``, ''] : []),

    ...header(
      [
        'tool',
        'runs',
        'wall (median)',
        'wall (min – max)',
        'CPU (median)',
        'peak RSS',
        'resources/s',
        '× lexguard (five)',
        '× lexguard (all)',
      ],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
    ),
  ];
  const notes: string[] = [];
  for (const cell of result.cells) {
    if (cell.error && cell.runs.length === 0) {
      out.push(row([toolName(cell.tool), 0, 'failed', '', '', '', '', '', '']));
      notes.push(`${toolName(cell.tool)} failed: \`\`\`${cell.error}\`\`\``);
      continue;
    }
    out.push(
      row([
        toolName(cell.tool),
        cell.runs.length,
        cell.wallMs ? ms(cell.wallMs.median) : '–',
        range(cell.wallMs, ms),
        cell.cpuMs ? cpu(cell.cpuMs.median) : '–',
        cell.peakRssMb ? `${cell.peakRssMb.toFixed(0)} MB` : '–',
        cell.resourcesPerSecond ? cell.resourcesPerSecond.toFixed(0) : '–',
        cell.tool === 'lexguard-five' ? '1' : ratio(cell.ratioToFive),
        cell.tool === 'lexguard-full' ? '1' : ratio(cell.ratioToFull),
      ]),
    );
    if (cell.bounded) notes.push(`${toolName(cell.tool)}: ${cell.bounded}.`);
    if (cell.error) notes.push(`${toolName(cell.tool)}: ${cell.error}`);
  }
  out.push('', ...notes.map((note) => `- ${note}`), ...(notes.length ? [''] : []));
  return out;
}

function findingsRow(result: ItemResult, cell: Cell, toolName: (id: string) => string): string {
  if (!cell.scores) {
    const why = cell.error
      ? 'failed'
      : cell.problems !== undefined
        ? `checks none of the five (${cell.problems} problems of its own kinds)`
        : 'no findings read';
    return row([result.item.name, toolName(cell.tool), ...CONTROLS.map(() => '–'), why]);
  }
  const scores = cell.scores;
  const total = CONTROLS.reduce(
    (sum, c) => ({
      found: sum.found + scores[c].found,
      missed: sum.missed + scores[c].missed,
      extra: sum.extra + scores[c].extra,
    }),
    { found: 0, missed: 0, extra: 0 },
  );
  const undecided = cell.undecided ? ` (${cell.undecided} UNKNOWN)` : '';
  return row([
    result.item.name,
    toolName(cell.tool),
    ...CONTROLS.map((c) => `${scores[c].found} / ${scores[c].missed} / ${scores[c].extra}`),
    `${total.found} / ${total.missed} / ${total.extra}${undecided}`,
  ]);
}

function synthSection(results: Results): string[] {
  const synth = results.synth;
  const out = ['## `cdk synth` of the document store, with and without validation plugins', ''];
  if (!synth) return [...out, 'Not measured in this run.', ''];
  out.push(
    `App: ${synth.app}. Load ${synth.load[0].toFixed(1)}–${synth.load[1].toFixed(1)}. cdk-nag ${synth.cdkNag?.version ?? '(not installed)'}.`,
    '',
  );
  if (synth.error) out.push(`Could not be measured: \`\`\`${synth.error}\`\`\``, '');
  out.push(
    ...header(
      [
        'plugins',
        'runs',
        'wall (median)',
        'wall (min – max)',
        'CPU (median)',
        'peak RSS',
        '÷ no plugin',
        '÷ cdk-nag alone',
        'exit code',
      ],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---'],
    ),
  );
  for (const cell of synth.cells) {
    out.push(
      row([
        cell.label,
        cell.runs.length,
        cell.wallMs ? ms(cell.wallMs.median) : cell.error ? 'failed' : '–',
        range(cell.wallMs, ms),
        cell.cpuMs ? ms(cell.cpuMs.median) : '–',
        cell.peakRssMb ? `${cell.peakRssMb.toFixed(0)} MB` : '–',
        cell.variant === 'none' ? '1' : ratio(cell.ratioToNone),
        cell.variant === 'cdk-nag' ? '1' : ratio(cell.ratioToNag),
        [...new Set(cell.exitCodes)].join(', '),
      ]),
    );
  }
  out.push(
    '',
    'Each variant synthesizes the same app: the store’s three stacks and its read-only guardrail Aspect; only the validation plugins differ. lexguard’s plugin is registered as the store’s app registers it, with the rules’ approved values from its configuration. *÷ cdk-nag alone* on the last row is what lexguard adds to the store as it ships (both plugins) over cdk-nag alone. Peak RSS is the largest process of the synth (the CDK CLI or the app). A non-zero exit code means a plugin reported violations and failed the synth, after doing its whole work.',

    '',
  );
  return out;
}

function profileSection(profiles: readonly ProfileReport[]): string[] {
  const out = ['## Profiles of missed targets', ''];
  if (profiles.length === 0) return [...out, 'Every target was met; no profile was taken.', ''];
  for (const profile of profiles) {
    out.push(`### ${profile.why}`, '', `\`${profile.command}\``, '');
    if (profile.error || !profile.summary) {
      out.push(`The profile could not be taken: \`\`\`${profile.error ?? 'no profile'}\`\`\``, '');
      continue;
    }
    const { summary } = profile;
    out.push(`CPU samples: ${ms(summary.totalMs)} in the profiled process, by self time.`, '');
    out.push(...header(['area', 'self time', 'share'], ['---', '---:', '---:']));
    for (const area of summary.areas)
      out.push(row([area.area, ms(area.ms), `${(area.share * 100).toFixed(1)}%`]));
    out.push('', ...header(['function (file:line)', 'self time', 'share'], ['---', '---:', '---:']));
    for (const fn of summary.functions)
      out.push(row([fn.area, ms(fn.ms), `${(fn.share * 100).toFixed(1)}%`]));
    out.push('');
  }
  return out;
}
