import { describe, expect, it } from 'vitest';
import { joinBase, url } from '../../src/lib/urls';

describe('joinBase', () => {
  it('joins with exactly one slash whatever the slashes on either side', () => {
    expect(joinBase('/', '/lessons/intro/')).toBe('/lessons/intro/');
    expect(joinBase('/repo/', '/lessons/intro/')).toBe('/repo/lessons/intro/');
    expect(joinBase('/repo', 'lessons/intro/')).toBe('/repo/lessons/intro/');
    expect(joinBase('repo/', 'favicon.svg')).toBe('/repo/favicon.svg');
    expect(joinBase('', '/')).toBe('/');
    expect(joinBase('/repo/', '/')).toBe('/repo/');
    expect(joinBase('/repo/', '')).toBe('/repo/');
  });

  it('refuses absolute URLs', () => {
    expect(() => joinBase('/', 'https://example.com/')).toThrow(/absolute URL/);
    expect(() => joinBase('/', '//example.com/x')).toThrow(/absolute URL/);
  });
});

describe('url', () => {
  it('prefixes site paths with the base path', () => {
    expect(url('/', '/some-repo/')).toBe('/some-repo/');
    expect(url('/guide/', '/some-repo/')).toBe('/some-repo/guide/');
    expect(url('/lessons/intro/#setup', '/some-repo/')).toBe('/some-repo/lessons/intro/#setup');
    expect(url('favicon.svg', '/some-repo')).toBe('/some-repo/favicon.svg');
  });

  it('uses import.meta.env.BASE_URL by default', () => {
    expect(url('/guide/')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/guide/`);
  });

  it('leaves in-page anchors and query strings alone', () => {
    expect(url('#section', '/some-repo/')).toBe('#section');
    expect(url('?seed=3', '/some-repo/')).toBe('?seed=3');
  });

  it('reduces same-origin absolute URLs to base-prefixed paths', () => {
    expect(url('https://someone.github.io/some-repo/guide/', '/some-repo/', 'https://someone.github.io')).toBe('/some-repo/guide/');
    expect(url('https://someone.github.io/guide/?a=1#b', '/some-repo/', 'https://someone.github.io/')).toBe('/some-repo/guide/?a=1#b');
  });

  it('throws on absolute URLs with another origin', () => {
    expect(() => url('https://example.com/x', '/some-repo/', 'https://someone.github.io')).toThrow(/another origin/);
    expect(() => url('//cdn.example.com/a.js', '/')).toThrow(/another origin/);
    expect(() => url('mailto:a@b.c', '/')).toThrow(/another origin/);
  });
});
