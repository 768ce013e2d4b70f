import type { KmsKey } from '../../../../scanner/model/kms';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const keyOf = (properties: Record<string, unknown>): KmsKey =>
  modelOfResources({ Key: resource('AWS::KMS::Key', properties) }).model.kms_keys['T/Key'];

describe('the AWS::KMS::Key adapter', () => {
  it.each<[keyof KmsKey, unknown]>([
    ['spec', 'SYMMETRIC_DEFAULT'],
    ['usage', 'ENCRYPT_DECRYPT'],
    ['rotation_enabled', false],
    ['rotation_period_days', null],
    ['deletion_window_days', 30],
    ['key_state', 'Enabled'],
    ['multi_region', false],
  ])('assumes KMS’s default for %s', (field, value) => {
    expect(keyOf({})[field]).toMatchObject({ state: 'default', value });
  });

  it.each<[keyof KmsKey, Record<string, unknown>, unknown]>([
    ['rotation_enabled', { EnableKeyRotation: true }, true],
    ['rotation_period_days', { EnableKeyRotation: true, RotationPeriodInDays: 90 }, 90],
    ['deletion_window_days', { PendingWindowInDays: 7 }, 7],
    ['key_state', { Enabled: false }, 'Disabled'],
    ['spec', { KeySpec: 'RSA_2048' }, 'RSA_2048'],
  ])('reads %s', (field, properties, value) => {
    expect(keyOf(properties)[field]).toMatchObject({ state: 'explicit', value });
  });

  it('is customer managed, and rotates yearly when rotation is on without a period', () => {
    const key = keyOf({ EnableKeyRotation: true });
    expect(key.manager).toMatchObject({ state: 'explicit', value: 'CUSTOMER' });
    expect(key.rotation_period_days).toMatchObject({ state: 'default', value: 365 });
  });

  it.each<[string, Record<string, unknown>, keyof KmsKey, RegExp]>([
    ['a missing key policy', {}, 'policy', /AWS applies its default key policy/],
    [
      'an imported rotation flag',
      { EnableKeyRotation: cfn.importValue('Rotate') },
      'rotation_enabled',
      /Fn::ImportValue Rotate/,
    ],
  ])('makes %s unknown, with the reason', (_name, properties, field, reason) => {
    expect(keyOf(properties)[field]).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(reason),
    });
  });
});
