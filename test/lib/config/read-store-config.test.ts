import { App } from 'aws-cdk-lib';
import { readStoreConfig } from '../../../lib/config/read-store-config';
import { storeContext } from '../../_helpers/store-app';
import { lexguardErrorOf } from '../../_helpers/errors';

function configWith(documentStore: unknown) {
  return readStoreConfig(new App({ context: { documentStore } }).node);
}

function errorWith(documentStore: unknown) {
  return lexguardErrorOf(() => configWith(documentStore));
}

describe('readStoreConfig', () => {
  it('reads the configuration in cdk.json and fills what it leaves out from the firm policy', () => {
    const { sessionHours: _sessionHours, passwordPolicy: _passwordPolicy, ...rest } = storeContext();
    const config = configWith(rest);
    expect(config).toMatchObject({
      firmId: 'example-llp',
      primaryRegion: 'eu-west-1',
      secondaryRegion: 'eu-central-1',
      classifications: ['internal', 'confidential', 'privileged'],
      sensitiveClassifications: ['confidential', 'privileged'],
      classificationTag: 'data-classification',
      passwordPolicy: { minimumLength: 14, reusePrevention: 24, maxAgeDays: 0 },
      sessionHours: 1,
      breakGlassRoleName: 'BreakGlass',
    });
  });

  it('takes the primary and off-site regions from the approved regions when they are not named', () => {
    const { primaryRegion: _p, secondaryRegion: _s, ...rest } = storeContext();
    const config = configWith({ ...rest, approvedRegions: ['eu-central-1', 'eu-west-3'] });
    expect([config.primaryRegion, config.secondaryRegion]).toEqual(['eu-central-1', 'eu-west-3']);
  });

  it.each([
    [{ retention: { documentsDays: 0 } }, 'context documentStore.retention.documentsDays must be >= 1'],
    [
      { retention: { documentsDays: 2555.5 } },
      'context documentStore.retention.documentsDays must be integer',
    ],
    [{ firmId: 'Example LLP' }, 'context documentStore.firmId must match pattern'],
    [{ account: '1234' }, 'context documentStore.account must match pattern'],
    [{ alertEmail: 'security at example' }, 'context documentStore.alertEmail must match pattern'],
    [
      { approvedRegions: ['eu-west-1', 'mars-1'] },
      'context documentStore.approvedRegions[1] must match pattern',
    ],
    [
      { passwordPolicy: { minimumLength: 8 } },
      'context documentStore.passwordPolicy.minimumLength must be >= 14',
    ],
    [
      { classifications: ['secret'] },
      'context documentStore.classifications[0] must be equal to one of the allowed values',
    ],
    [{ retentionDays: 30 }, 'context documentStore.retentionDays is not a document store configuration key'],
    [
      { primaryRegion: 'us-east-1' },
      'context documentStore.primaryRegion us-east-1 is not one of approvedRegions',
    ],
    [
      { secondaryRegion: 'eu-west-1' },
      'context documentStore.secondaryRegion must differ from primaryRegion',
    ],
  ])('refuses %j, naming the key', (override, message) => {
    const error = errorWith(storeContext(override));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(message);
  });

  it('names a required key that is missing', () => {
    const { alertEmail: _alertEmail, ...rest } = storeContext();
    expect(errorWith(rest).message).toBe('context documentStore.alertEmail is required');
  });

  it('refuses a configuration that is not an object', () => {
    expect(errorWith('example-llp').message).toBe(
      'context documentStore: the document store configuration must be object',
    );
  });

  it('says where to put the configuration when the context has none', () => {
    const error = lexguardErrorOf(() => readStoreConfig(new App().node));
    expect(error.message).toContain('the context has no documentStore key');
  });
});
