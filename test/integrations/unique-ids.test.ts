import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateIds, idsIn } from '../../src/integrations/unique-ids.ts';

describe('unique ids', () => {
  it('reads ids from markup, not from scripts, styles or comments', () => {
    expect(idsIn('<main id="content"><h2 id=a>x</h2><p data-id="no" id=\'b\'></p><!-- <i id="c"> --><script>x = \'<b id="d">\'</script></main>')).toEqual(['content', 'a', 'b']);
  });

  it('names each page and each repeated id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-ids-'));
    try {
      mkdirSync(join(dir, 'lessons/x'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<main id="content"></main><h2 id="a"></h2>');
      writeFileSync(join(dir, 'lessons/x/index.html'), '<main id="content"><h2 id="content">C</h2><svg><g id="k"></g><g id="k"></g><g id="k"></g></svg></main>');
      expect(findDuplicateIds(dir)).toEqual([
        { page: 'lessons/x/index.html', id: 'content', count: 2 },
        { page: 'lessons/x/index.html', id: 'k', count: 3 },
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
