/**
 * The targets, judged from the ratios measured pair by pair in the same run: lexguard at least 10×
 * faster than Checkov on every corpus item, no slower than cfn-guard on templates of 1,000 resources and
 * more, and lexguard's validation plugin adding at most 20% to `cdk synth` of the document store.
 */
import type { ItemResult, SynthResult, Target } from './results';

const times = (value: number): string => `${value.toFixed(2)}×`;

function ratioOf(item: ItemResult, tool: string): number | undefined {
  return item.cells.find((cell) => cell.tool === tool)?.ratioToFive?.median;
}

export function checkovTargets(items: readonly ItemResult[]): Target[] {
  return items.map((item) => {
    const value = ratioOf(item, 'checkov');
    const where = item.item.name;
    const name = 'lexguard ≥ 10× faster than Checkov (same controls)';
    if (value === undefined) {
      return {
        name,
        where,
        value: Number.NaN,
        threshold: '≥ 10×',
        met: false,
        verdict: 'not measured: see the Checkov row',
      };
    }
    const met = value >= 10;
    return {
      name,
      where,
      value,
      threshold: '≥ 10×',
      met,
      verdict: met
        ? `met: Checkov took ${times(value)} lexguard's time`
        : `missed: Checkov took ${times(value)} lexguard's time; lexguard would have to be ${(10 / value).toFixed(2)}× faster (${((1 - value / 10) * 100).toFixed(0)}% less time) to reach 10×`,
    };
  });
}

export function guardTargets(items: readonly ItemResult[]): Target[] {
  return items
    .filter((item) => item.item.kind === 'generated' && item.item.resources >= 1000)
    .map((item) => {
      const value = ratioOf(item, 'cfn-guard');
      const where = item.item.name;
      const name = 'lexguard no slower than cfn-guard (≥ 1,000 resources)';
      if (value === undefined) {
        return {
          name,
          where,
          value: Number.NaN,
          threshold: '≥ 1×',
          met: false,
          verdict: 'not measured: see the cfn-guard row',
        };
      }
      const met = value >= 1;
      return {
        name,
        where,
        value,
        threshold: '≥ 1×',
        met,
        verdict: met
          ? `met: cfn-guard took ${times(value)} lexguard's time`
          : `missed: lexguard took ${(1 / value).toFixed(2)}× cfn-guard's time (${((1 / value - 1) * 100).toFixed(0)}% slower)`,
      };
    });
}

export function synthTarget(synth: SynthResult | undefined): Target[] {
  const name = '`cdk synth` with lexguard’s plugin ≤ 20% slower than without';
  const value = synth?.cells.find((cell) => cell.variant === 'lexguard')?.ratioToNone?.median;
  if (value === undefined) {
    return [
      {
        name,
        where: 'document store',
        value: Number.NaN,
        threshold: '≤ 1.20×',
        met: false,
        verdict: 'not measured: see the synth section',
      },
    ];
  }
  const met = value <= 1.2;
  const added = (value - 1) * 100;
  const shipped = synth?.cells.find((cell) => cell.variant === 'lexguard+cdk-nag')?.ratioToNag?.median;
  const asShipped =
    shipped === undefined
      ? ''
      : `; in the store as it ships (with cdk-nag's packs) lexguard adds ${((shipped - 1) * 100).toFixed(0)}% over cdk-nag alone`;
  return [
    {
      name,
      where: synth?.app ?? 'document store',
      value,
      threshold: '≤ 1.20×',
      met,
      verdict: met
        ? `met: the plugin adds ${added.toFixed(0)}% to the plugin-less synth${asShipped}`
        : `missed: the plugin adds ${added.toFixed(0)}% to the plugin-less synth, ${(added - 20).toFixed(0)} points over the 20% allowed${asShipped}`,
    },
  ];
}
