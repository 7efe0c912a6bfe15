import { describe, expect, it } from 'vitest';
import { isPlainSafe, yamlFlowSequence, yamlQuoted, yamlString } from './yaml-scalar';

// js-yaml comes with the toolchain (wxt → eslint), not as our dependency: when it is
// there, every case is also read back by a real parser.
const jsYaml = (await import(/* @vite-ignore */ 'js-yaml' as string).catch(() => null)) as {
  load: (text: string) => unknown;
} | null;

describe('yamlString', () => {
  it('is checked against js-yaml when the toolchain has it', () => {
    if (!jsYaml) console.warn('js-yaml not found: YAML cases are checked against hand-written expectations only');
  });

  it.each([
    ['Steve Wade', 'Steve Wade'],
    ['Medium', 'Medium'],
    ['https://medium.com/@stevewade/post-3f9c', 'https://medium.com/@stevewade/post-3f9c'],
    [
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
      '"KubeCon EU 2024: Day Two — Embracing the Hallway Track"',
    ],
    ['ends with colon:', '"ends with colon:"'],
    ['a #comment', '"a #comment"'],
    ['C# in depth', 'C# in depth'],
    ['- starts like a list', '"- starts like a list"'],
    ['"quoted" title', '"\\"quoted\\" title"'],
    ["'single'", '"\'single\'"'],
    ['It said "hi"', 'It said "hi"'],
    ['[not a list]', '"[not a list]"'],
    ['{not: a map}', '"{not: a map}"'],
    ['* star', '"* star"'],
    ['& anchor', '"& anchor"'],
    ['! tag', '"! tag"'],
    ['| literal', '"| literal"'],
    ['> folded', '"> folded"'],
    ['% directive', '"% directive"'],
    ['@handle', '"@handle"'],
    ['`tick`', '"`tick`"'],
    ['? key', '"? key"'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['line one\nline two', '"line one\\nline two"'],
    ['tab\there', '"tab\\there"'],
    ['back\\slash', 'back\\slash'],
    ['back\\slash "and quote"', 'back\\slash "and quote"'],
    ['"\\', '"\\"\\\\"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['true', '"true"'],
    ['No', '"No"'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['y', '"y"'],
    ['42', '"42"'],
    ['-1.5', '"-1.5"'],
    ['1e3', '"1e3"'],
    ['0x1F', '"0x1F"'],
    ['12:30', '"12:30"'],
    ['.inf', '".inf"'],
    ['2024-03-21', '"2024-03-21"'],
    ['2024-03-21T10:00:00Z', '"2024-03-21T10:00:00Z"'],
    ['2024 in review', '2024 in review'],
    ['', '""'],
    ['مرحبا بالعالم', 'مرحبا بالعالم'],
    ['😀 emoji first', '😀 emoji first'],
    ['bell\u0007', '"bell\\u0007"'],
    ['nul\u0000', '"nul\\0"'],
    ['sep\u2028arator', '"sep\\Larator"'],
    ['\ufeffbom', '"\\ufeffbom"'],
    ['lone \ud800 surrogate', '"lone \ufffd surrogate"'],
  ])('%j → %s', (text, yaml) => {
    expect(yamlString(text)).toBe(yaml);
    if (jsYaml && !/[\ud800-\udfff]/.test(text.replace(/\p{Extended_Pictographic}/gu, ''))) {
      expect(jsYaml.load(`k: ${yaml}`)).toEqual({ k: text });
    }
  });

  it('never writes a plain scalar that YAML 1.1 would read as a boolean, null or number', () => {
    for (const word of ['Yes', 'NO', 'True', 'OFF', 'Null', 'NULL', 'n', 'Y', '+1', '.5', '1_000', '0o17', '<<', '=']) {
      expect(isPlainSafe(word), word).toBe(false);
    }
  });
});

describe('yamlFlowSequence', () => {
  it('writes a one-line list, quoting what the flow syntax would split', () => {
    expect(yamlFlowSequence(['community', 'hallway-track', 'a,b', 'x]', 'nested/tag'])).toBe(
      '[community, hallway-track, "a,b", "x]", nested/tag]',
    );
    expect(yamlFlowSequence([])).toBe('[]');
    if (jsYaml) expect(jsYaml.load('t: [community, "a,b", "x]"]')).toEqual({ t: ['community', 'a,b', 'x]'] });
  });
});

describe('yamlQuoted', () => {
  it('round-trips every BMP character class through a real parser', () => {
    const sample = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).join('');
    const quoted = yamlQuoted(sample);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may remain
    expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    if (jsYaml) expect(jsYaml.load(`k: ${quoted}`)).toEqual({ k: sample.replace(/[\ud800-\udfff]/g, '\ufffd') });
  });
});
