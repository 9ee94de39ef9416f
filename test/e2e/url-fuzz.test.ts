/**
 * URL fuzzing in the browser: the lesson page is loaded once; for ≥ 1 000 generated query strings
 * (random, junk and adversarial, every setting value one that no setting accepts) the query is set
 * with history.replaceState and both explorer islands are re-created (clone + replace, so
 * connectedCallback runs again). Each time: no exception or console error, the island outside its
 * notice equals its default state, the notice is text only and reports the link's settings.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { LESSON_PATH } from './support/island.ts';
import { serveDist } from './support/site.ts';
import { adversarialKeys, adversarialValues } from '../fixtures/hostile-urls.ts';

const ISLANDS = [
  { element: 'deep-linear-explorer', prefix: 'deep-linear' },
  { element: 'symmetry-meter', prefix: 'symmetry' },
] as const;
const KEYS = ['a', 'depth', 'speed', 'init', 'value', 'width', 'seed'];
const CHOICES = ['zeros', 'constant', 'normal', 'lecun'];
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const COUNT = 1200;

/** Could `raw` be a valid value of any of the islands' settings? (The widest ranges of all of them.) */
function maybeValid(raw: string): boolean {
  if (CHOICES.includes(raw)) return true;
  if (raw.length > 200 || !NUMBER.test(raw)) return false;
  const n = Number(raw);
  return Number.isFinite(n) && n >= -2 && n <= 0xffffffff;
}

/** Values no setting accepts: adversarial ones, junk-prefixed text, numbers out of every range. */
const invalidValue = fc.oneof(
  fc.constantFrom(...adversarialValues.filter((v) => !maybeValid(v.toWellFormed()))),
  fc.tuple(fc.constantFrom('x', '<', '%', ' ', '\u0000', '０', '"', '+-'), fc.string({ unit: 'binary', maxLength: 80 })).map(([a, b]) => a + b),
  fc.double({ min: 1e10, noNaN: true }).map(String),
  fc.double({ max: -3, noNaN: true }).map(String),
  fc.constantFrom('1e309', '9e999', '-1e309', 'NaN', 'Infinity', '-Infinity', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'),
);
const key = fc.oneof(
  fc.constantFrom(...ISLANDS.flatMap((i) => KEYS.map((k) => `${i.prefix}.${k}`))),
  fc.constantFrom(...ISLANDS.flatMap((i) => adversarialKeys(i.prefix))),
  fc.string({ maxLength: 20 }).map((s) => `symmetry.${s}`),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const enc = (s: string) => encodeURIComponent(s.toWellFormed());
const query = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(key, invalidValue, fc.boolean()), { minLength: 1, maxLength: 8 }).map((ps) => `?${ps.map(([k, v, e]) => (e ? `${enc(k)}=${enc(v)}` : `${k}=${v}`)).join('&')}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** The query as the page will see it (replaceState takes a URL; the browser percent-encodes it). */
function queries(): string[] {
  const raw = [
    ...fc.sample(query, { numRuns: COUNT, seed: 20261129 }),
    ...ISLANDS.flatMap((i) => adversarialKeys(i.prefix).map((k) => `?${enc(k)}=${enc('{"a":9}')}`)),
    '?deep-linear.__proto__[polluted]=1&symmetry.constructor.prototype.polluted=1', '?__proto__.polluted=1&constructor[prototype][polluted]=1',
    `?deep-linear.a=${'9'.repeat(5000)}`, '?deep-linear.a=%3Cscript%3Ealert(1)%3C%2Fscript%3E&symmetry.init=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  ];
  // Keep only links in which no setting of either island has a value it could accept.
  return raw.filter((q) => {
    let params: URLSearchParams;
    try {
      params = new URL(`http://x/${q.startsWith('?') ? q : `?${q}`}`).searchParams;
    } catch {
      return false;
    }
    return [...params].every(([k, v]) => !ISLANDS.some((i) => k.startsWith(`${i.prefix}.`)) || !maybeValid(v));
  }).map((q) => (q.startsWith('?') ? q : `?${q}`));
}

const site = serveDist();

it(`re-creates both explorers under ≥ 1 000 hostile links: defaults, text-only notices, no errors`, async () => {
  const list = queries();
  expect(list.length).toBeGreaterThanOrEqual(1000);
  const { page, consoleErrors, externalRequests, close } = await openPage(`${site.url}${LESSON_PATH}`);
  try {
    await page.waitForSelector('deep-linear-explorer[data-ready="true"]');
    await page.waitForSelector('symmetry-meter[data-ready="true"]');
    // Installs the snapshot function and records the islands' default state.
    await page.evaluate((islands) => {
      const snapshot = (el: Element) => ({
        controls: [...el.querySelectorAll<HTMLInputElement>('[data-param]')].map((c) => `${c.dataset.param}=${c.type === 'checkbox' || c.type === 'radio' ? c.checked : c.value}:${c.disabled}`),
        outputs: [...el.querySelectorAll('output')].map((o) => o.textContent),
        hidden: [...el.querySelectorAll<HTMLElement>('[hidden]')].filter((h) => !h.classList.contains('explorer-notice')).map((h) => h.className),
        figure: Object.entries((el.querySelector('[data-figure]') as HTMLElement).dataset).filter(([k]) => k !== 'status' && k !== 'iteration'),
        text: [...el.querySelectorAll('figure, .deep-linear-formula, .symmetry-weights')].map((f) => f.textContent),
      });
      const w = window as unknown as Record<string, unknown>;
      w.__snapshot = snapshot;
      w.__defaults = Object.fromEntries(islands.map((i) => [i.element, JSON.stringify(snapshot(document.querySelector(i.element)!))]));
      w.__proto = Object.getOwnPropertyNames(Object.prototype).sort().join();
    }, ISLANDS);
    const failures: string[] = [];
    for (let start = 0; start < list.length; start += 100) {
      failures.push(...await page.evaluate(({ batch, islands }) => {
        const w = window as unknown as { __snapshot: (el: Element) => unknown; __defaults: Record<string, string>; __proto: string };
        const out: string[] = [];
        for (const q of batch) {
          try {
            history.replaceState(null, '', `${location.pathname}${q}`);
            const params = [...new URLSearchParams(location.search).keys()];
            for (const { element, prefix } of islands) {
              const old = document.querySelector(element)!;
              const fresh = old.cloneNode(true) as HTMLElement;
              old.replaceWith(fresh);
              const notice = fresh.querySelector<HTMLElement>('.explorer-notice')!;
              const mine = params.some((k) => k.startsWith(`${prefix}.`));
              if (fresh.dataset.ready !== 'true') out.push(`${element} ${q}: not re-initialised`);
              if (JSON.stringify(w.__snapshot(fresh)) !== w.__defaults[element]) out.push(`${element} ${q}: state differs from the defaults`);
              if (notice.childElementCount !== 0) out.push(`${element} ${q}: notice has markup`);
              if (mine !== (notice.textContent !== '' && !notice.hidden)) out.push(`${element} ${q}: notice ${notice.hidden ? 'hidden' : 'shown'} for a link with${mine ? '' : 'out'} its settings`);
            }
            if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== w.__proto || ({} as Record<string, unknown>).polluted !== undefined) out.push(`${q}: Object.prototype changed`);
          } catch (e) {
            out.push(`${q}: threw ${(e as Error).message}`);
          }
        }
        return out;
      }, { batch: list.slice(start, start + 100), islands: ISLANDS }));
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The islands still work after all that: a last, valid link is read.
    const shown = await page.evaluate(() => {
      history.replaceState(null, '', `${location.pathname}?deep-linear.depth=12`);
      const old = document.querySelector('deep-linear-explorer')!;
      const fresh = old.cloneNode(true) as HTMLElement;
      old.replaceWith(fresh);
      return (fresh.querySelector('input[data-param="depth"]') as HTMLInputElement).value;
    });
    expect(shown).toBe('12');
    console.log(`url fuzz: ${list.length} links × ${ISLANDS.length} islands re-created`);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  } finally {
    await close();
  }
});
