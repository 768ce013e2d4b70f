import type { StatusTally } from '../../audit/tally';
import { formatPct } from '../audit-format';

/** A coloured status or verdict label. */
export function Badge({ status }: { status: string }) {
  return <span class={`badge s-${status}`}>{status.replace('_', ' ')}</span>;
}

/** Header cells matching `TallyCells`. */
export function TallyHeaders() {
  return (
    <>
      <th class="num">Passing</th>
      <th class="num">Failing</th>
      <th class="num">Unknown</th>
      <th class="num">Waived</th>
      <th class="num">Assessed</th>
      <th class="num">N/A</th>
    </>
  );
}

/** A tally's shares, UNKNOWN and WAIVED apart from passing, with the counts behind them. */
export function TallyCells({ tally }: { tally: StatusTally }) {
  const c = tally.counts;
  return (
    <>
      <td class="num">{formatPct(tally.pass_pct)}</td>
      <td class="num">
        {formatPct(tally.fail_pct)} <span class="muted small">({c.FAIL + c.ERROR})</span>
      </td>
      <td class="num">
        {formatPct(tally.unknown_pct)} <span class="muted small">({c.UNKNOWN})</span>
      </td>
      <td class="num">
        {formatPct(tally.waived_pct)} <span class="muted small">({c.WAIVED})</span>
      </td>
      <td class="num">{tally.assessed}</td>
      <td class="num">{c.NOT_APPLICABLE}</td>
    </>
  );
}
