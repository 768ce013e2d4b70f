import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import { escapeMarkdown } from '../../../scanner/reporters/markdown-escape';
import { markdownReporter } from '../../../scanner/reporters/markdown';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';

const render = (): string =>
  markdownReporter.render(SAMPLE_REPORT, { color: false, showPassed: false, gate: DEFAULT_GATE });

/** Renders as GitHub does for the purpose of these tests: CommonMark with tables, raw HTML allowed. */
const toHtml = (markdown: string): string => new MarkdownIt({ html: true, linkify: false }).render(markdown);

describe('the Markdown reporter', () => {
  it('matches its snapshot', () => {
    expect(render()).toMatchSnapshot();
  });

  it('states the gate, the counts, what fails, what is waived and which suppressions to review', () => {
    const markdown = render();
    expect(markdown).toMatch(/^## lexguard: failed\n/);
    expect(markdown).toContain('| 4 | 1 | 1 | 1 | 1 | 1 |');
    expect(markdown).toContain('### Failing and undecided findings (6)');
    expect(markdown).toContain('### Waived findings (1)');
    expect(markdown).toContain('platform\\-team');
    expect(markdown).toContain('### Suppressions to review');
    expect(markdown).toContain('### Inputs that could not be scanned');
  });

  it('renders hostile values as plain text: no HTML, link or emphasis, and the table keeps its columns', () => {
    const html = toHtml(render());
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/<a /);
    expect(html).not.toMatch(/<em>bold<\/em>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const failingTable = html.split('<table>')[2];
    const rows = failingTable.split('</table>')[0].match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    expect(rows.length).toBe(7);
    for (const row of rows) expect(row.match(/<t[hd]/g)).toHaveLength(5);
  });

  it.each(['a|b', '<script>x</script>', '[x](y)', '*a* _b_ `c`', '# h', '&amp;', 'line\nbreak', '\\'])(
    'escapes %j so that it renders as itself',
    (text) => {
      const rendered = toHtml(escapeMarkdown(text)).replace(/^<p>|<\/p>\n$/g, '');
      const expected = text
        .replace(/\n/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      expect(rendered).toBe(expected);
    },
  );

  it('renders any text as exactly that text, its white space collapsed (property)', () => {
    const html = (text: string): string =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        const expected = text.replace(/\s+/g, ' ').trim();
        const rendered = toHtml(`- ${escapeMarkdown(text)}`);
        expect(rendered).toBe(`<ul>\n<li>${html(expected)}</li>\n</ul>\n`);
      }),
      { numRuns: 500 },
    );
  });
});
