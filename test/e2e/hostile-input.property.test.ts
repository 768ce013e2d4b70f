import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { TemplateResolver } from '../../scanner/sources/template/resolve/resolver';
import type { TemplateBody } from '../../scanner/sources/template/template-body';
import { mustRefuse, scanHostile, verdicts, violations } from '../_helpers/hostile-check';
import { cfnTemplate, cfnValue, damage, hostileBytes } from '../_helpers/hostile-templates';
import { ROOT } from '../_helpers/paths';
import { tempDirs } from '../_helpers/temp-dirs';

/**
 * Property tests of the template loader and resolver on generated CloudFormation-like documents, through
 * the CLI's `main` with a capturing sink, as a user would meet them. Fixed seeds and a bounded number of
 * runs keep them to seconds here; `npm run fuzz` runs them longer with fresh seeds.
 *
 * Each property was seen to fail on a planted bug before it was trusted: a loader that lets JSON.parse's
 * error escape (no position), a resolver without its budget (Fn::Join of a long delimiter ran out of
 * memory), and a reader that no longer drops the byte order mark (the BOM property then differs).
 */

const tempDir = tempDirs('hostile-property');
const SEED = 20261123;

describe('the template loader on generated hostile files (property)', () => {
  it('never throws past the CLI, answers in bounded time, and names file and position in every refusal', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        cfnTemplate,
        fc.constantFrom('json' as const, 'yaml' as const),
        damage,
        async (template, format, harm) => {
          const outcome = await scanHostile(dir, `t${run++}.${format}`, hostileBytes(template, format, harm));
          expect(violations(outcome)).toEqual([]);
          if (mustRefuse(harm)) expect(outcome.report?.errors.length).toBe(1);
        },
      ),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
  }, 240_000);

  it('reads a file with a byte order mark or CRLF line ends exactly as without (property)', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        cfnTemplate,
        fc.constantFrom('json' as const, 'yaml' as const),
        async (template, format) => {
          const plain = await scanHostile(
            dir,
            `p${run}.${format}`,
            hostileBytes(template, format, { kind: 'none' }),
          );
          for (const kind of ['bom', 'crlf'] as const) {
            const damaged = await scanHostile(
              dir,
              `p${run}.${format}`,
              hostileBytes(template, format, { kind }),
            );
            expect(violations(damaged)).toEqual([]);
            expect(verdicts(damaged.report)).toEqual(verdicts(plain.report));
            expect(damaged.report?.errors.map((e) => [e.code, e.line])).toEqual(
              plain.report?.errors.map((e) => [e.code, e.line]),
            );
          }
          run++;
        },
      ),
      { seed: SEED, numRuns: 15, endOnFailure: true },
    );
  }, 240_000);
});

describe('the resolver on generated values (property)', () => {
  const template: TemplateBody = {
    Parameters: {
      Env: { Type: 'String', Default: 'prod' },
      Big: { Type: 'String', Default: 'b'.repeat(3000) },
    },
    Mappings: { M: { a: { b: 'c' } } },
    Conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
    },
    Resources: { Docs: { Type: 'AWS::S3::Bucket' }, Key: { Type: 'AWS::KMS::Key' } },
  };

  it('resolves any value without throwing, within its budget, and explains what it left unresolved', () => {
    fc.assert(
      fc.property(cfnValue, (value) => {
        const resolver = new TemplateResolver(template, { maxResolvedChars: 20_000 });
        const resolved = resolver.resolve(value, ['Resources', 'Docs', 'Properties']);
        expect(JSON.stringify(resolved ?? null).length).toBeLessThan(200_000);
        for (const diagnostic of resolver.diagnostics) {
          expect(diagnostic.message).not.toBe('');
          expect(['Resources', 'Conditions', 'Mappings']).toContain(diagnostic.path[0]);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('hostile files under a capped heap', () => {
  it('are refused or scanned without running out of memory (node --max-old-space-size=384)', () => {
    const dir = tempDir();
    const bucket = (properties: unknown): string =>
      JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: properties } } });
    const files: Record<string, string | Buffer> = {
      'join.json': bucket({ BucketName: { 'Fn::Join': ['x'.repeat(1_000_000), Array(2000).fill('')] } }),
      'sub.json': bucket({ BucketName: { 'Fn::Sub': ['${a}'.repeat(200_000), { a: 'y'.repeat(10_000) }] } }),
      'alias.yaml': hostileBytes({}, 'yaml', { kind: 'alias-long-scalar', length: 5_000_000, aliases: 2000 }),
      'bomb.yaml': hostileBytes({}, 'yaml', { kind: 'alias-bomb', width: 9, levels: 9 }),
      'deep.json': hostileBytes({}, 'json', { kind: 'deep', depth: 100_000 }),
    };
    for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(dir, name), contents);
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=384',
        path.join(ROOT, 'dist', 'bin', 'lexguard.js'),
        'scan',
        'template',
        dir,
        '-f',
        'json',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(/heap out of memory|\n\s+at /);
    expect(result.stderr).toContain(`${path.join(dir, 'bomb.yaml')}:2:`);
    expect(result.stderr).toContain(`${path.join(dir, 'deep.json')}:1:`);
    const notes = (JSON.parse(result.stdout) as { notes: Array<{ message: string; file: string }> }).notes;
    for (const name of ['join.json', 'sub.json', 'alias.yaml']) {
      expect(notes).toContainEqual(
        expect.objectContaining({
          file: path.join(dir, name),
          message: expect.stringMatching(/limits\.max_resolved_chars/),
        }),
      );
    }
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 150_000);
});
