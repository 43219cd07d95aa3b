import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/search/language.js';

describe('detectLanguage', () => {
  it.each([
    ['list directory groups in Ruby', 'ruby'],
    ['the C# call to create an organization', 'dotnet'],
    ['.NET GetAuthorizationURL parameters', 'dotnet'],
    ['golang: which function creates a user', 'go'],
    ['refresh a session token in Go', 'go'],
    ['python generate admin portal link', 'python'],
    ['send an audit log event from Rails', 'ruby'],
    ['PHP code to invite someone', 'php'],
    ['Java SDK update an organization', 'java'],
    ['node sdk method to list groups', 'js'],
  ])('%s -> %s', (query, language) => {
    const found = detectLanguage(query);
    expect(found.language).toBe(language);
    // the name is blanked, the rest of the question kept at the same offsets
    expect(found.text).toHaveLength(query.length);
    expect(found.text.toLowerCase()).not.toMatch(/\b(ruby|rails|golang|python|php|java|node)\b|c#|\.net/);
  });

  it.each([
    'where do users go after sign-out',
    'go live checklist for SSO',
    'authkit-js setup',
    'how do I verify a webhook signature',
  ])('names no language: %s', (query) => {
    expect(detectLanguage(query)).toEqual({ text: query });
  });

  it('takes the first language named', () => {
    expect(detectLanguage('port this Python code to Ruby').language).toBe('python');
  });
});
