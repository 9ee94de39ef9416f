import { describe, expect, it } from 'vitest';
import { breakableHtml, escape, listHtml, preHtml, tableHtml } from '../../src/kit/html.ts';

describe('html', () => {
  it('escapes every special character', () => {
    expect(escape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('builds tables with row headers and notes', () => {
    const html = tableHtml({ columns: ['', 'v'], rows: [['r<1>', 2]], note: 'every 10th' }, { caption: 'C', rowHeaders: true });
    expect(html).toBe('<table><caption>C</caption><thead><tr><td></td><th scope="col">v</th></tr></thead><tbody><tr><th scope="row">r&lt;1&gt;</th><td>2</td></tr></tbody></table><p class="table-note">every 10th</p>');
  });
  it('lets layer sizes break after a slash between digits, and nowhere else new', () => {
    expect(breakableHtml('2/8/8/1 network, <He> (variance 2/n)')).toBe('2/<wbr>8/<wbr>8/<wbr>1 network, &lt;He&gt; (variance 2/n)');
    const html = tableHtml({ columns: ['Model', 'a'], rows: [['2/3/1 network', 0.5]] }, { rowHeaders: true });
    expect(html).toContain('<th scope="row">2/<wbr>3/<wbr>1 network</th>');
  });
  it('builds logs and lists', () => {
    expect(preHtml(['a', '<b>'], 'log')).toBe('<pre class="figure-log" tabindex="0" aria-label="log">a\n&lt;b&gt;</pre>');
    expect(listHtml([['k', 'v']])).toBe('<dl class="figure-metrics"><div><dt>k</dt><dd>v</dd></div></dl>');
  });
});
