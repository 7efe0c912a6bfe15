// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { cjkLanguageOfText, isCjkLang, markCjkRuns, readerLanguage } from './cjk-language';

describe('cjkLanguageOfText', () => {
  test.each([
    ['Chinese', '他说：“读书不是为了记住，而是为了理解。”这句话我一直记得。', 'zh'],
    ['Japanese', '彼は「本を読むのは覚えるためではなく、理解するためだ」と言った。', 'ja'],
    ['Japanese, kanji-heavy', '東京都知事選挙の投票率は前回を上回った。', 'ja'],
    ['Korean', '그는 “책을 읽는 것은 기억하기 위해서가 아니라 이해하기 위해서”라고 말했다.', 'ko'],
    ['English', 'Reading on a screen is easier when lines are short.', null],
    ['English quoting one word', 'The word 漢字 means "Chinese characters" and is read kanji in Japanese.', null],
    ['Chinese with Latin names', 'Kubernetes 的调度器会把 Pod 放到合适的节点上，这就是调度。', 'zh'],
    ['empty', '', null],
  ])('%s', (_name, text, expected) => {
    expect(cjkLanguageOfText(text)).toBe(expected);
  });
});

test.each([
  ['zh-Hant-TW', true],
  ['ja', true],
  ['ko-KR', true],
  ['ZH', true],
  ['en', false],
  ['jam', false],
  [null, false],
  ['', false],
])('isCjkLang(%s) is %s', (lang, expected) => {
  expect(isCjkLang(lang)).toBe(expected);
});

describe('readerLanguage', () => {
  test('a declared CJK language stands', () => {
    expect(readerLanguage('zh-TW', 'English words only')).toBe('zh-TW');
  });
  test('a Japanese post a theme declared English is read as Japanese', () => {
    expect(readerLanguage('en', '彼は「本を読むのは覚えるためだ」と言った。')).toBe('ja');
    expect(readerLanguage(null, '彼は「本を読むのは覚えるためだ」と言った。')).toBe('ja');
  });
  test('any other declaration stands', () => {
    expect(readerLanguage('de', 'Ein ganz normaler Satz.')).toBe('de');
    expect(readerLanguage(null, 'A plain sentence.')).toBe(null);
  });
});

describe('markCjkRuns', () => {
  test('marks a CJK quote in an English post and leaves the rest alone', () => {
    const root = document.createElement('div');
    root.setAttribute('lang', 'en');
    root.innerHTML =
      '<p>He wrote <em>very</em> clearly.</p><blockquote><p>读书不是为了记住，而是为了理解。</p></blockquote>' +
      '<p lang="ja">これは<em>大切</em>です。</p><p><i>こんにちは、世界</i></p>';
    const before = root.textContent;
    expect(markCjkRuns(root)).toBe(2);
    expect(root.querySelector('blockquote')!.getAttribute('lang')).toBe('zh');
    expect(root.querySelector('i')!.getAttribute('lang')).toBe('ja');
    expect(root.querySelector('p em')!.hasAttribute('lang')).toBe(false);
    // Already inside lang="ja": nothing to add.
    expect(root.querySelector('[lang="ja"] em')!.hasAttribute('lang')).toBe(false);
    expect(root.textContent).toBe(before);
  });
});
