import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query';
import { bigrams, editDistance, latinStems, normalizeText, stem } from './text';

describe('catalog text', () => {
  it('meets singular and plural forms without stemming away meaning', () => {
    expect(['boots', 'headphones', 'batteries', 'glasses', 'boxes', 'shoes', 'lens'].map(stem)).toEqual([
      'boot',
      'headphone',
      'battery',
      'glass',
      'box',
      'shoe',
      'len',
    ]);
    expect(['gas', 'bus', 'hiking', 'trail'].map(stem)).toEqual(['gas', 'bus', 'hiking', 'trail']);
  });

  it('normalises width, case and accents, but keeps Japanese voicing marks', () => {
    expect(normalizeText('ＣＡＦÉ ｺｰﾋｰ ガラス')).toBe('cafe コーヒー ガラス');
  });

  it('splits hyphenated words into parts and a closed form', () => {
    expect(latinStems('gore-tex usb-c')).toEqual(['gore', 'tex', 'goretex', 'usb', 'c', 'usbc']);
  });

  it('cuts Japanese into bigrams, a single character into itself', () => {
    expect(bigrams('コーヒー豆')).toEqual(['コー', 'ーヒ', 'ヒー', 'ー豆']);
    expect(bigrams('豆')).toEqual(['豆']);
  });

  it('counts edits with transpositions, and gives up past the limit', () => {
    expect(editDistance('hikking', 'hiking', 2)).toBe(1);
    expect(editDistance('ehtiopia', 'ethiopia', 2)).toBe(1);
    expect(editDistance('headphne', 'headphone', 2)).toBe(1);
    expect(editDistance('tent', 'headphone', 2)).toBe(3);
  });

  it('drops words that say nothing and splits Japanese at particles', () => {
    expect(parseQuery('show me some waterproof boots for hiking').terms).toEqual([
      { kind: 'latin', stem: 'waterproof' },
      { kind: 'latin', stem: 'boot' },
      { kind: 'latin', stem: 'hiking' },
    ]);
    expect(parseQuery('浅煎りのコーヒー豆').terms.map((t) => (t.kind === 'cjk' ? t.run : t.stem))).toEqual([
      '浅煎り',
      'コーヒー豆',
    ]);
    expect(parseQuery('このコーヒー').terms.map((t) => (t.kind === 'cjk' ? t.run : t.stem))).toEqual([
      'このコーヒー',
    ]);
  });
});
