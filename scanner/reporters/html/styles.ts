/** The report's stylesheet, inlined: the file must open with no network access. Printable as is. */
export const REPORT_CSS = `
:root { --fail:#b42318; --unknown:#b54708; --waived:#175cd3; --pass:#067647; --na:#667085; --ink:#101828; --muted:#475467; --line:#eaecf0; --bg:#f9fafb; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif; color:var(--ink); background:var(--bg); }
header { background:#0c1d36; color:#fff; padding:20px 32px; }
header h1 { margin:0 0 4px; font-size:22px; }
header p { margin:0; color:#c7d2e0; }
main { padding:16px 32px 48px; max-width:1500px; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:16px 0; }
h2 { font-size:17px; margin:0 0 12px; }
.figures { display:flex; flex-wrap:wrap; gap:12px; }
.figure { flex:1 1 140px; border:1px solid var(--line); border-radius:8px; padding:10px 14px; background:#fff; }
.figure b { display:block; font-size:24px; }
.figure span { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.03em; }
.charts { display:grid; grid-template-columns: 2fr 1fr 1.5fr; gap:16px; }
.chart { position:relative; height:300px; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#f2f4f7; font-weight:600; position:sticky; top:0; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.badge { display:inline-block; padding:1px 7px; border-radius:10px; font-size:11px; font-weight:600; color:#fff; background:var(--na); white-space:nowrap; }
.s-FAIL, .s-ERROR { background:var(--fail); } .s-UNKNOWN { background:var(--unknown); } .s-WAIVED { background:var(--waived); }
.s-PASS { background:var(--pass); } .s-MANUAL { background:#6941c6; } .s-NOT_ASSESSED, .s-NOT_APPLICABLE { background:var(--na); }
.sev-CRITICAL { color:var(--fail); font-weight:700; } .sev-HIGH { color:#c4320a; font-weight:600; }
[class^="sev-"] { white-space:nowrap; }
tr.overdue td { background:#fef3f2; } tr.overdue td:nth-child(7), .overdue-flag { color:var(--fail); font-weight:700; }
#findings td:nth-child(2), #findings td:nth-child(3), #findings td:nth-child(6) { white-space:nowrap; }
#findings td:first-child b { display:inline-block; padding:1px 7px; border-radius:10px; font-size:11px; color:#fff; background:var(--na); }
#findings tr[data-st=FAIL] b, #findings tr[data-st=ERROR] b { background:var(--fail); }
#findings tr[data-st=UNKNOWN] b { background:var(--unknown); } #findings tr[data-st=WAIVED] b { background:var(--waived); }
#findings tr[data-st=PASS] b { background:var(--pass); }
#findings tr[data-sev=CRITICAL] td:nth-child(2) { color:var(--fail); font-weight:700; }
#findings tr[data-sev=HIGH] td:nth-child(2) { color:#c4320a; font-weight:600; }
.m { color:var(--muted); font-size:12px; word-break:break-all; }
.nw { white-space:nowrap; }
details summary { cursor:pointer; margin:8px 0; font-weight:600; }
.muted { color:var(--muted); } .small { font-size:12px; } code { font-size:12px; word-break:break-all; }
.note { border-left:4px solid var(--unknown); background:#fffaeb; padding:8px 12px; margin:8px 0; }
.filters { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-bottom:8px; }
.filters select, .filters input { font:inherit; padding:4px 6px; }
.table-wrap { max-height:900px; overflow:auto; border:1px solid var(--line); }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; margin:0; }
dl.meta dt { color:var(--muted); } dl.meta dd { margin:0; }
@media print { .filters { display:none; } .table-wrap { max-height:none; overflow:visible; } section { break-inside:avoid; } }
`;
