import { describe, expect, it } from 'vitest';
import { parseAuthors } from './citation-authors';

describe('parseAuthors', () => {
  it.each([
    ['Steve Wade', [{ family: 'Wade', given: 'Steve' }]],
    ['By Steve Wade', [{ family: 'Wade', given: 'Steve' }]],
    ['Wade, Steve', [{ family: 'Wade', given: 'Steve' }]],
    [
      'Jane Doe and John Smith',
      [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
    ],
    [
      'Jane Doe & John Smith',
      [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
    ],
    [
      'Jane Doe, John Smith',
      [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
    ],
    [
      'Ann Lee, Bo Kim, and Cy Young',
      [
        { family: 'Lee', given: 'Ann' },
        { family: 'Kim', given: 'Bo' },
        { family: 'Young', given: 'Cy' },
      ],
    ],
    [
      'Jane Doe; John Smith',
      [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
    ],
    ['Mary Jane Watson', [{ family: 'Watson', given: 'Mary Jane' }]],
    ['J. R. R. Tolkien', [{ family: 'Tolkien', given: 'J. R. R.' }]],
    ['Ludwig van Beethoven', [{ family: 'Beethoven', given: 'Ludwig', particle: 'van' }]],
    ['van Beethoven, Ludwig', [{ family: 'Beethoven', given: 'Ludwig', particle: 'van' }]],
    ['Martin Luther King, Jr.', [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]],
    ['Martin Luther King Jr.', [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]],
    ["Conan O'Brien", [{ family: "O'Brien", given: 'Conan' }]],
    ['Jean-Luc Picard', [{ family: 'Picard', given: 'Jean-Luc' }]],
    ['Łukasz Żółć', [{ family: 'Żółć', given: 'Łukasz' }]],
    ['Анна Каренина', [{ family: 'Каренина', given: 'Анна' }]],
    // Organisations and anything that does not look like a person stay whole.
    ['The Guardian Staff', [{ literal: 'The Guardian Staff' }]],
    ['Reuters', [{ literal: 'Reuters' }]],
    ['Kubernetes Team', [{ literal: 'Kubernetes Team' }]],
    ['Procter & Gamble', [{ literal: 'Procter & Gamble' }]],
    ['@stevewade', [{ literal: '@stevewade' }]],
    ['steve wade', [{ literal: 'steve wade' }]],
    ['王小明', [{ literal: '王小明' }]],
    ['محمد علي', [{ literal: 'محمد علي' }]],
    ['Jane Doe and Medium Staff', [{ family: 'Doe', given: 'Jane' }, { literal: 'Medium Staff' }]],
    ['', []],
    [null, []],
  ])('%j', (byline, names) => {
    expect(parseAuthors(byline)).toEqual(names);
  });
});
