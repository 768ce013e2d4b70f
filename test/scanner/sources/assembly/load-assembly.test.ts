import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InputProblem } from '../../../../scanner/findings/scan-report';
import { loadStacks } from '../../../../scanner/sources/assembly/load-stacks';
import { readAssembly } from '../../../../scanner/sources/assembly/read-assembly';
import { DEFAULT_INPUT_LIMITS } from '../../../../scanner/sources/input-limits';
import { fixture } from '../../../_helpers/paths';

function assembly(artifacts: object, templates: Record<string, object>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-manifest-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }));
  for (const [name, body] of Object.entries(templates)) {
    writeFileSync(path.join(dir, name), JSON.stringify(body, null, 1));
  }
  return dir;
}

describe('readAssembly and loadStacks', () => {
  it('reads every stack, the stage’s stacks, environments and construct paths of a synthesized app', () => {
    const problems: InputProblem[] = [];
    const stacks = readAssembly(fixture('cdk-assembly', 'cdk.out'), problems);
    expect(problems).toEqual([]);
    expect(stacks.map((s) => [s.displayName, s.stackName, s.account, s.region])).toEqual([
      ['DR/Replica', 'DR-Replica', '111122223333', 'eu-central-1'],
      ['Keys', 'Keys', '111122223333', 'eu-west-1'],
      ['Storage', 'Storage', '111122223333', 'eu-west-1'],
    ]);
    expect(stacks[1].constructPaths.get('LegacyKey8934A645')).toBe('Keys/LegacyKey/Resource');
    const loaded = loadStacks(stacks, DEFAULT_INPUT_LIMITS, problems);
    const storage = loaded.find((s) => s.scope === 'Storage');
    expect([...(storage?.children.keys() ?? [])]).toEqual([
      'AuditNestedStackAuditNestedStackResourceF69BD105',
    ]);
  });

  it('reads an assembly that names itself as a nested assembly once, and an environment-agnostic stack', () => {
    const dir = assembly(
      {
        Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } },
        App: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://unknown-account/unknown-region',
          properties: { templateFile: 'App.template.json' },
        },
      },
      { 'App.template.json': { Resources: {} } },
    );
    const problems: InputProblem[] = [];
    const stacks = readAssembly(dir, problems);
    expect(stacks.map((s) => [s.displayName, s.account, s.region])).toEqual([['App', undefined, undefined]]);
    expect(problems).toEqual([]);
  });

  it('refuses a nested stack that includes its own template, naming the resource’s line', () => {
    const nested = (asset: string): object => ({
      Type: 'AWS::CloudFormation::Stack',
      Metadata: { 'aws:asset:path': asset, 'aws:asset:property': 'TemplateURL' },
    });
    const dir = assembly(
      { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } },
      {
        'App.template.json': { Resources: { Inner: nested('inner.nested.template.json') } },
        'inner.nested.template.json': { Resources: { Again: nested('inner.nested.template.json') } },
      },
    );
    const problems: InputProblem[] = [];
    const [app] = loadStacks(readAssembly(dir, problems), DEFAULT_INPUT_LIMITS, problems);
    expect(app.children.get('Inner')?.scope).toBe('App/Inner');
    expect(app.children.get('Inner')?.children.size).toBe(0);
    expect(problems.map((p) => `${path.basename(p.file ?? '')}:${p.line} ${p.message}`)).toEqual([
      'inner.nested.template.json:3 nested stack Again includes its own template again (inner.nested.template.json)',
    ]);
  });
});
