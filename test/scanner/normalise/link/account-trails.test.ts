import { DEFAULT_RULE_CONFIG } from '../../../../scanner/config/defaults';
import type { Model } from '../../../../scanner/model/model';
import { stackFacts, TemplateModelBuilder } from '../../../../scanner/normalise/template/template-to-model';
import { TemplateResolver } from '../../../../scanner/sources/template/resolve/resolver';
import { parseTemplateText } from '../../../../scanner/sources/template/parse-template';
import { modelOfResources, resource, SCANNED_AT, templateOf } from '../../../_helpers/template-model';

const TRAIL = resource('AWS::CloudTrail::Trail', { IsLogging: true, S3BucketName: 'logs' });

/** One model of several stacks, each deployed into `account` (undefined: an environment-agnostic stack). */
function modelOfStacks(
  stacks: Array<{ name: string; account?: string; resources: Record<string, unknown> }>,
): Model {
  const builder = new TemplateModelBuilder(DEFAULT_RULE_CONFIG, SCANNED_AT);
  for (const { name, account, resources } of stacks) {
    const [template] = parseTemplateText(`${name}.json`, templateOf(resources));
    builder.addTemplate({
      template,
      resolver: new TemplateResolver(template.body, account ? { pseudo: { accountId: account } } : {}),
      stack: { ...stackFacts(name, account, 'eu-west-1'), tokenScope: name },
      accountScope: account ?? 'unknown-account',
    });
  }
  return builder.finish().model;
}

describe('the trails of an account', () => {
  it('are every trail of a template, whose one account is the scope of the scan', () => {
    const { model } = modelOfResources({ Trail: TRAIL, Other: TRAIL });
    expect(model.accounts['T/account'].trails).toEqual({ state: 'explicit', value: ['T/Trail', 'T/Other'] });
  });

  it('are none, known, when the template has no trail', () => {
    expect(modelOfResources({}).model.accounts['T/account'].trails).toEqual({ state: 'default', value: [] });
  });

  it('are the trails of the stacks deployed into the account when stacks of several accounts are read together', () => {
    const model = modelOfStacks([
      { name: 'Audit', account: '111122223333', resources: { Trail: TRAIL } },
      { name: 'Store', account: '444455556666', resources: {} },
      { name: 'Sandbox', resources: { Trail: TRAIL } },
    ]);
    expect(model.accounts['111122223333/account'].trails).toMatchObject({ value: ['Audit/Trail'] });
    expect(model.accounts['444455556666/account'].trails).toMatchObject({ value: [] });
    // The stack without an environment deploys into the one account that is unknown.
    expect(model.accounts['unknown-account/account'].trails).toMatchObject({ value: ['Sandbox/Trail'] });
  });
});
