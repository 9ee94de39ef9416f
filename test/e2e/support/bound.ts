/**
 * Time limits for calls into a browser that may be wedged (see frames.ts): the limit's timer never
 * keeps Node alive and is cleared as soon as the call settles.
 *
 *   const r = await within(page.evaluate(f), 3000, null);   // the call's value, or null after 3 s
 */

/** `work`'s value, or `fallback` when `work` has not settled within `ms`; `work` rejecting rejects. */
export async function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<F>((done) => {
    timer = setTimeout(() => done(fallback), ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
