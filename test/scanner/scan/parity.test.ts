import { DEFAULT_CONFIG } from '../../../scanner/config/load-config';
import { PolicyEngine } from '../../../scanner/engine/policy-engine';
import type { Finding } from '../../../scanner/findings/finding';
import type { ResourceCollection } from '../../../scanner/model/model';
import { COLLECTION_OF_KIND } from '../../../scanner/model/collections';
import { ReferenceIndex } from '../../../scanner/normalise/link/reference-index';
import { scanTemplates } from '../../../scanner/scan/scan-templates';
import { pointSdkAt, TEST_REGION } from '../../_helpers/aws-env';
import { scanTestAccount } from '../../_helpers/live-lab';
import { MOTO_ACCOUNT, startMoto, type Moto } from '../../_helpers/moto';
import { deployParityStack, PARITY_TEMPLATE } from '../../_helpers/parity-stack';

/**
 * Parity: one estate, written once as a CloudFormation template and deployed into moto from it, must get
 * the same verdict from every rule that can judge both a template and a live account, resource by resource.
 */
let moto: Moto;
let restore: () => void;
let templateFindings: Finding[];
let liveFindings: Finding[];
let liveIdOf: (templateFinding: Finding) => string | undefined;
let engine: PolicyEngine;

beforeAll(async () => {
  moto = await startMoto();
  restore = pointSdkAt(moto.endpoint);
  const physical = await deployParityStack();
  engine = await PolicyEngine.load();
  // The template is judged for the account and region it is deployed to, as CloudFormation would.
  templateFindings = scanTemplates({
    paths: [PARITY_TEMPLATE],
    engine,
    config: DEFAULT_CONFIG,
    parameters: { 'AWS::Region': TEST_REGION, 'AWS::AccountId': MOTO_ACCOUNT },
  }).findings;
  const { report, collection } = await scanTestAccount(engine);
  liveFindings = report.findings;
  const index = new ReferenceIndex(collection.model);
  const liveAccounts = Object.keys(collection.model.accounts);
  liveIdOf = (finding) => {
    const kind = finding.resource.kind;
    // An attested control is the same control in both scans; the template's account is the one scanned.
    if (kind === 'scope') return finding.resource.id;
    if (kind === 'account') return liveAccounts.length === 1 ? liveAccounts[0] : undefined;
    const logicalId = finding.resource.id.split('/').pop() ?? '';
    const collectionName: ResourceCollection = COLLECTION_OF_KIND[kind];
    const id = physical.get(logicalId);
    return collectionName && id ? index.resolve(id, collectionName) : undefined;
  };
}, 120_000);

afterAll(async () => {
  restore?.();
  await moto?.stop();
});

/**
 * Account settings a template shows only through a `Custom::AWS` call, which moto's CloudFormation cannot
 * deploy: the template's account must then be UNKNOWN (never PASS), whatever the live account says.
 */
const ONLY_LIVE_SHOWS = new Set(['LG-IAM-006']);

describe('template and live parity', () => {
  test('every rule both sources can judge gives the same status to each resource of the estate', () => {
    const shared = new Set(
      engine.rules
        .filter((rule) => rule.sources.includes('template') && rule.sources.includes('live'))
        .map((rule) => rule.id),
    );
    const compared: string[] = [];
    const mismatches: string[] = [];
    for (const finding of templateFindings) {
      if (!shared.has(finding.rule_id) || finding.resource.id === '*') continue;
      if (ONLY_LIVE_SHOWS.has(finding.rule_id) && finding.resource.kind === 'account') {
        if (finding.status !== 'UNKNOWN') mismatches.push(`${finding.rule_id}: template ${finding.status}`);
        continue;
      }
      const liveId = liveIdOf(finding);
      const live = liveFindings.find(
        (item) => item.rule_id === finding.rule_id && item.resource.id === liveId,
      );
      compared.push(`${finding.rule_id} ${finding.resource.id}`);
      if (live?.status !== finding.status)
        mismatches.push(
          `${finding.rule_id} ${finding.resource.id}: template ${finding.status}, live ${live?.status ?? 'no finding'} (${live?.message ?? ''})`,
        );
    }
    expect(mismatches).toEqual([]);
    // Two keys and three buckets, judged by each shared rule of their kind.
    expect(compared.length).toBeGreaterThanOrEqual(8);
  });

  test('the estate holds both verdicts, so parity is not trivially all-pass', () => {
    const statuses = new Set(templateFindings.map((finding) => finding.status));
    expect(statuses).toEqual(expect.objectContaining(new Set(['PASS', 'FAIL'])));
    expect(statuses.has('PASS') && statuses.has('FAIL')).toBe(true);
  });
});
