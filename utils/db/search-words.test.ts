import { expect, test } from 'vitest';
import { queryTerms, siteKey, siteWords, tokenize } from './search-words';

test.each<[string, string, string[]]>([
  ['case and punctuation', 'Rust: Fearless, CONCURRENT!', ['rust', 'fearless', 'concurrent']],
  ['accents fold', 'Café crème à Besançon', ['cafe', 'creme', 'a', 'besancon']],
  ['apostrophes inside words', "don't — it’s Ferris's", ['dont', 'its', 'ferriss']],
  ['digits are words', 'ES2024 in 3 minutes', ['es2024', 'in', '3', 'minutes']],
  ['repeats counted once', 'the cat and the hat and the bat', ['the', 'cat', 'and', 'hat', 'bat']],
  ['other alphabets', 'Привет мир, Γειά σου', ['привет', 'мир', 'γεια', 'σου']],
  ['very long words are cut', `${'x'.repeat(100)} end`, ['x'.repeat(32), 'end']],
])('%s', (_what, text, words) => {
  expect(tokenize(text)).toEqual(words);
});

test('a query is split the same way as the text it searches', () => {
  expect(queryTerms("  Don't  PANIC ")).toEqual(tokenize("don't panic"));
  expect(queryTerms('   ')).toEqual([]);
});

test('a site pair names its host by a short hash, the same every time, and apart from other hosts', () => {
  const hosts = [
    'medium.com',
    'theguardian.com',
    'engineering.example.co.uk',
    'site0.example.com',
    'site1.example.com',
  ];
  const keys = hosts.map(siteKey);
  expect(keys.every((k) => /^[0-9a-z]{1,7}$/.test(k))).toBe(true);
  expect(new Set(keys).size).toBe(hosts.length);
  expect(hosts.map(siteKey)).toEqual(keys);
  expect(siteWords('theguardian.com', ['bees', 'nest'])).toEqual([`${keys[1]}\u0000bees`, `${keys[1]}\u0000nest`]);
});
