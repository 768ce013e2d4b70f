import { replaceTokens, resourceToken } from '../../../../../scanner/sources/template/resolve/tokens';

/** Drift puts deployed values in place of a template's tokens, scoped (assemblies) or not (templates). */
describe('replaceTokens', () => {
  const deployed = (target: { scope?: string; logicalId: string; attribute?: string }): string | undefined =>
    target.logicalId === 'Docs'
      ? target.attribute === 'Arn'
        ? 'arn:aws:s3:::docs'
        : `docs@${target.scope ?? '-'}`
      : undefined;

  test('replaces every token in a string, with its scope and attribute', () => {
    const text = `${resourceToken('Docs', 'Arn')}/* and ${resourceToken('Docs', undefined, 'Storage')}`;
    expect(replaceTokens(text, deployed)).toBe('arn:aws:s3:::docs/* and docs@Storage');
  });

  test('leaves a token it cannot place, and text without tokens, as they are', () => {
    expect(replaceTokens(`x ${resourceToken('Other')}`, deployed)).toBe(`x ${resourceToken('Other')}`);
    expect(replaceTokens('plain', deployed)).toBe('plain');
  });
});
