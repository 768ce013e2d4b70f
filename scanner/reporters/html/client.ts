/// <reference lib="dom" />
import type { Chart as ChartJs, ChartConfiguration } from 'chart.js';
import type { ChartData } from './chart-data';

/**
 * The report's script, run by the browser when the file opens: draws the charts with the inlined
 * Chart.js and wires the findings table's filters. It is inlined with `Function.prototype.toString`, so it
 * must stand alone: no imports at run time (type imports only), no outer variables. Everything it shows
 * from the report goes through `textContent` or Chart.js labels, never through HTML.
 */
export function reportClient(): void {
  const Chart = (window as unknown as { Chart: typeof ChartJs }).Chart;
  const dataElement = document.getElementById('lexguard-chart-data');
  const data = JSON.parse(dataElement?.textContent ?? '{}') as ChartData;
  const colours = { pass: '#067647', fail: '#b42318', unknown: '#b54708', waived: '#175cd3' };
  const draw = (id: string, config: ChartConfiguration): void => {
    const canvas = document.getElementById(id) as HTMLCanvasElement | null;
    if (canvas) new Chart(canvas, config);
  };
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  draw('chart-clauses', {
    type: 'bar',
    data: {
      labels: data.clauses.labels,
      datasets: [
        { label: 'Passing %', data: data.clauses.pass, backgroundColor: colours.pass },
        { label: 'Failing %', data: data.clauses.fail, backgroundColor: colours.fail },
        { label: 'Unknown %', data: data.clauses.unknown, backgroundColor: colours.unknown },
        { label: 'Waived %', data: data.clauses.waived, backgroundColor: colours.waived },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, max: 100, title: { display: true, text: '% of assessed findings' } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: { title: { display: true, text: 'Compliance per policy clause' } },
    },
  });
  draw('chart-severities', {
    type: 'bar',
    data: {
      labels: data.severities.labels,
      datasets: [
        { label: 'Failing', data: data.severities.fail, backgroundColor: colours.fail },
        { label: 'Unknown', data: data.severities.unknown, backgroundColor: colours.unknown },
        { label: 'Waived', data: data.severities.waived, backgroundColor: colours.waived },
        { label: 'Passing', data: data.severities.pass, backgroundColor: colours.pass },
      ],
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'findings' } } },
      plugins: { title: { display: true, text: 'Findings by severity' } },
    },
  });
  draw('chart-trend', {
    type: 'line',
    data: {
      labels: data.trend.labels,
      datasets: [
        {
          label: 'Passing %',
          data: data.trend.pass_pct,
          borderColor: colours.pass,
          backgroundColor: colours.pass,
          yAxisID: 'pct',
        },
        {
          label: 'Failing',
          data: data.trend.fail,
          borderColor: colours.fail,
          backgroundColor: colours.fail,
          yAxisID: 'count',
        },
        {
          label: 'Unknown',
          data: data.trend.unknown,
          borderColor: colours.unknown,
          backgroundColor: colours.unknown,
          yAxisID: 'count',
        },
      ],
    },
    options: {
      scales: {
        pct: { position: 'left', min: 0, max: 100, title: { display: true, text: '% passing' } },
        count: {
          position: 'right',
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'findings' },
        },
      },
      plugins: { title: { display: true, text: 'Trend over past scans' } },
    },
  });

  const table = document.getElementById('findings') as HTMLTableElement | null;
  const body = table?.tBodies[0];
  if (!body) return;
  const rows = Array.from(body.rows);
  const texts = rows.map((row) => (row.textContent ?? '').toLowerCase());
  const field = (id: string): HTMLInputElement | HTMLSelectElement | null =>
    document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  const filters = ['filter-status', 'filter-severity', 'filter-clause', 'filter-change', 'filter-text'];
  const count = document.getElementById('findings-count');
  const apply = (): void => {
    const status = field('filter-status')?.value ?? '';
    const severity = field('filter-severity')?.value ?? '';
    const clause = field('filter-clause')?.value ?? '';
    const change = field('filter-change')?.value ?? '';
    const text = (field('filter-text')?.value ?? '').trim().toLowerCase();
    let shown = 0;
    rows.forEach((row, index) => {
      const d = row.dataset;
      const open = d.st === 'FAIL' || d.st === 'ERROR' || d.st === 'UNKNOWN';
      const visible =
        (status === '' || (status === 'open' ? open : d.st === status)) &&
        (severity === '' || d.sev === severity) &&
        (clause === '' || ` ${d.cl ?? ''} `.includes(` ${clause} `)) &&
        (change === '' || (change === 'overdue' ? row.classList.contains('overdue') : d.ch === change)) &&
        (text === '' || texts[index].includes(text));
      row.hidden = !visible;
      if (visible) shown++;
    });
    if (count) count.textContent = `${shown} of ${rows.length} findings shown`;
  };
  for (const id of filters) {
    field(id)?.addEventListener('input', apply);
    field(id)?.addEventListener('change', apply);
  }
  apply();
  document.body.dataset.ready = 'true';
}
