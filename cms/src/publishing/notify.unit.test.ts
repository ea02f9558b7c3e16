import { describe, expect, it } from 'vitest';
import { isPublicChange, publisherUrls } from './notify.ts';

describe('publisherUrls', () => {
  it('defaults to the local publisher on PUBLISHER_PORT', () => {
    expect(publisherUrls({})).toEqual(['http://127.0.0.1:4330']);
    expect(publisherUrls({ PUBLISHER_PORT: '5000' })).toEqual(['http://127.0.0.1:5000']);
  });

  it('lists several publishers in the order given, without trailing slashes or blanks', () => {
    expect(publisherUrls({ PUBLISHER_URL: 'http://a:4330/, http://b:4330 ,,' })).toEqual([
      'http://a:4330',
      'http://b:4330',
    ]);
  });

  it('is empty when turned off', () => {
    expect(publisherUrls({ PUBLISHER_URL: 'off' })).toEqual([]);
  });
});

describe('isPublicChange', () => {
  it('counts publishing and registry writes, not drafts or memberships', () => {
    expect(isPublicChange('api::article.article', 'publish', {})).toBe(true);
    expect(isPublicChange('api::article.article', 'update', {})).toBe(false);
    expect(isPublicChange('api::column.column', 'update', {})).toBe(true);
    expect(isPublicChange('api::site-membership.site-membership', 'publish', {})).toBe(false);
  });
});
