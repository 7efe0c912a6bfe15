import { describe, expect, it } from 'vitest';
import { hashtags, obsidianTag, obsidianTags } from './obsidian-tag';

describe('obsidianTag', () => {
  it.each([
    ['kubecon', 'kubecon'],
    ['hallway track', 'hallway-track'],
    ['  many   spaces ', 'many-spaces'],
    ['c++', 'cplusplus'],
    ['c#', 'csharp'],
    ['+1', 'plus1'],
    ['node.js', 'node-js'],
    ['q&a', 'q-a'],
    ['project/margin', 'project/margin'],
    ['/leading/', 'leading'],
    ['2024', '_2024'],
    ['café', 'café'],
    ['日本語', '日本語'],
    ['עברית', 'עברית'],
    ['🙌', ''],
    ['#already', 'already'],
    ['snake_case', 'snake_case'],
  ])('%j → %j', (name, tag) => {
    expect(obsidianTag(name)).toBe(tag);
  });

  it('drops unusable and repeated tags, and writes them inline', () => {
    expect(obsidianTags(['hallway track', 'hallway-track', '🙌', 'kubecon'])).toEqual(['hallway-track', 'kubecon']);
    expect(hashtags(['hallway track', 'kubecon'])).toBe('#hallway-track #kubecon');
    expect(hashtags([])).toBe('');
  });
});
