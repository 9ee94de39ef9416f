/**
 * What a reader on a small or large screen would call broken, measured in the page:
 * sideways page scroll, elements cut off by an ancestor that hides overflow or contains paint,
 * and visible chart text under 10 CSS px (font size × the svg's on-screen scale).
 *
 *   const problems = await layoutProblems(page);   // after readThrough: every figure drawn live
 */
import type { Page } from 'playwright-core';
import { answerWithin, ensureFrames } from './frames.ts';

/** One thing a reader would see as broken. */
export interface LayoutProblem {
  kind: 'page-scroll' | 'clipped' | 'small-text';
  /** A CSS-ish path to the element. */
  where: string;
  detail: string;
}

/** Smallest chart text a reader should have to read, in CSS px. */
export const MIN_CHART_TEXT_PX = 10;

/**
 * Brings each explorer on screen and waits (at most `timeout` ms each) until every chart in it is
 * drawn at the width of its box, as the island does for a reader who stops there.
 */
export async function chartsFitted(page: Page, timeout = 30_000): Promise<void> {
  const islands = await page.locator('.explorer').count();
  for (let i = 0; i < islands; i++) {
    const island = page.locator('.explorer').nth(i);
    // Not scrollIntoViewIfNeeded: it waits for a box that stays put, and a live figure above may still grow.
    await island.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForFunction((el) => [...el!.querySelectorAll('svg[width]')].every((svg) => {
      if (svg.parentElement?.closest('svg') || !svg.checkVisibility()) return true;
      const box = svg.parentElement!;
      const cs = getComputedStyle(box);
      const inner = box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return Math.abs(Number(svg.getAttribute('width')) - Math.max(150, Math.floor(inner))) <= 1 || svg.closest('.compare-legend');
    }), await island.elementHandle(), { timeout, polling: 250 }).catch(() => undefined);
  }
}

/**
 * Scrolls through the page one screen at a time (so content-visibility renders each part) and
 * collects the problems of what is on screen; each element is reported once.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  const step = await page.evaluate(() => window.innerHeight);
  const seen = new Map<string, LayoutProblem>();
  // One script per screen: scroll, wait two frames (content-visibility renders what is there), measure; the page's height is read at every step.
  const measure = (y: number) => answerWithin(page, page.evaluate(measureAt, { top: y, minText: MIN_CHART_TEXT_PX }), 30_000, 'layoutProblems');
  for (let y = 0, more = true; more; y += step) {
    let found = await measure(y);
    // Without frames, content-visibility renders nothing new and skipped blocks would read as clipped: get frames going (or throw FrameStall), then measure again.
    if (!found.framed) {
      await ensureFrames(page, 'layoutProblems');
      found = await measure(y);
    }
    for (const p of found.problems) if (!seen.has(`${p.kind} ${p.where}`)) seen.set(`${p.kind} ${p.where}`, p);
    more = found.more;
  }
  return [...seen.values()];
}

/**
 * Runs in the page: scrolls to `top`, waits two frames, and returns the problems among elements that
 * intersect the viewport; `more` is false once the viewport has reached the bottom, and `framed` false
 * when a wait ended on its timer rather than a frame.
 */
async function measureAt({ top, minText }: { top: number; minText: number }): Promise<{ problems: LayoutProblem[]; more: boolean; framed: boolean }> {
  window.scrollTo(0, top);
  // A timer bounds each wait: a frame that never comes must not hang the test.
  let frames = 0;
  const frame = () => new Promise((done) => { requestAnimationFrame(() => { frames += 1; done(undefined); }); setTimeout(done, 250); });
  await frame();
  await frame();
  const framed = frames >= 2;
  const more = window.scrollY + window.innerHeight < document.documentElement.scrollHeight;
  const out: LayoutProblem[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1) {
    // Name the innermost elements that reach past the right edge: they are what widens the page.
    const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('svg *'));
    const inner = wide.filter((e) => !wide.some((c) => c !== e && e.contains(c))).slice(0, 3);
    const names = inner.map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} "${(e.textContent ?? '').trim().slice(0, 30)}"`).join(', ');
    out.push({ kind: 'page-scroll', where: 'html', detail: `page is ${root.scrollWidth} px wide in a ${window.innerWidth} px viewport (${names})` });
  }
  const path = (e: Element): string => {
    const parts: string[] = [];
    for (let n: Element | null = e; n && n !== document.body && parts.length < 4; n = n.parentElement) {
      const cls = typeof n.className === 'string' && n.className.trim() ? `.${n.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      const idx = n.parentElement ? [...n.parentElement.children].indexOf(n) : 0;
      parts.unshift(`${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : cls}:nth-child(${idx + 1})`);
    }
    return parts.join(' > ');
  };
  const onScreen = (r: DOMRect) => r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0;
  // Visually hidden text (1 px boxes clipped to nothing) is for screen readers; not a clip a reader sees.
  const srOnly = (e: Element, r: DOMRect) => r.width <= 1 || r.height <= 1 || getComputedStyle(e).clipPath.startsWith('inset(50%');
  // Paint containment clips at the padding box plus overflow-clip-margin; a scroll container's overflow is reached by scrolling.
  const clips = (cs: CSSStyleDeclaration) => {
    const paint = /paint|strict|content/.test(cs.contain) || cs.contentVisibility === 'auto';
    const scrolls = (o: string) => o === 'auto' || o === 'scroll';
    return {
      paint,
      x: (paint && !scrolls(cs.overflowX)) || cs.overflowX === 'hidden' || cs.overflowX === 'clip',
      y: (paint && !scrolls(cs.overflowY)) || cs.overflowY === 'hidden' || cs.overflowY === 'clip',
      margin: paint ? parseFloat(/[\d.]+px/.exec(cs.overflowClipMargin)?.[0] ?? '0') : 0,
    };
  };
  // The elements that can paint on screen, svg roots without their insides. A box with paint containment
  // (content-visibility: auto too) paints nothing outside its clip edge, so one wholly off screen is kept but
  // its subtree is not walked: reading the boxes in a skipped subtree would force its layout, at every step.
  const candidates: { e: Element; r: DOMRect }[] = [];
  const walk = (parent: Element) => {
    for (const e of parent.children) {
      const r = e.getBoundingClientRect();
      candidates.push({ e, r });
      if (e.localName === 'svg') {
        for (const inner of e.querySelectorAll('svg')) candidates.push({ e: inner, r: inner.getBoundingClientRect() });
        continue;
      }
      const c = clips(getComputedStyle(e));
      if (c.paint && (r.bottom + c.margin <= 0 || r.top - c.margin >= window.innerHeight)) continue;
      walk(e);
    }
  };
  walk(document.body);
  for (const { e, r } of candidates) {
    if (!onScreen(r) || !e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || srOnly(e, r)) continue;
    const cs = getComputedStyle(e);
    const c = clips(cs);
    const el = e as HTMLElement;
    const overX = c.x && el.scrollWidth > el.clientWidth + 1 + c.margin && el.clientWidth > 0;
    const overY = c.y && el.scrollHeight > el.clientHeight + 1 + c.margin && el.clientHeight > 0;
    if ((overX || overY) && !e.matches('.katex *, .katex')) {
        const over = [...e.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > r.right + 1 && !c.closest('svg *')).slice(-1)[0];
      out.push({
        kind: 'clipped', where: path(e) + (over ? ` (widest: ${over.tagName.toLowerCase()}.${String(over.className).split(' ')[0]})` : ''),
        detail: `${overX ? `content ${el.scrollWidth} px wide in ${el.clientWidth} px` : ''}${overX && overY ? '; ' : ''}${overY ? `content ${el.scrollHeight} px tall in ${el.clientHeight} px` : ''} (overflow ${cs.overflowX}/${cs.overflowY}, contain ${cs.contain}, content-visibility ${cs.contentVisibility})`,
      });
    }
  }
  for (const t of candidates.filter(({ e }) => e.localName === 'svg' && !e.parentElement?.closest('svg')).flatMap(({ e }) => [...e.querySelectorAll('text')])) {
    const text = t.textContent?.trim();
    if (!text) continue;
    const r = t.getBoundingClientRect();
    if (!onScreen(r) || !t.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const ctm = (t as SVGGraphicsElement).getScreenCTM();
    if (!ctm) continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (px < minText - 0.05) out.push({ kind: 'small-text', where: `${path(t.closest('svg')!)} text "${text.slice(0, 24)}"`, detail: `${px.toFixed(1)} px` });
  }
  return { problems: out, more, framed };
}
