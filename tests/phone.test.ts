import { describe, expect, it } from 'vitest';
import { phonePieces, smsHref, telHref } from '../src/client/phone';

describe('tap-to-call and tap-to-text addresses', () => {
  it('keep only + and digits, as phones dial them', () => {
    expect(telHref('116 123')).toBe('tel:116123');
    expect(telHref('+44 (0)20-7946.0000')).toBe('tel:+4402079460000');
    expect(smsHref('988')).toBe('sms:988');
  });
  it('start a text with the word a service asks for', () => {
    expect(smsHref('85258', 'SHOUT')).toBe('sms:85258?body=SHOUT');
    expect(smsHref('741 741', 'HOME now')).toBe('sms:741741?body=HOME%20now');
  });
});

describe("the numbers in a person's own words", () => {
  const numbers = (words: string) => phonePieces(words).filter((piece) => piece.tel);

  it('finds the number and keeps the rest as text', () => {
    expect(phonePieces('Sam 07700 900123')).toEqual([{ text: 'Sam ' }, { text: '07700 900123', tel: 'tel:07700900123' }]);
    expect(phonePieces('Mum (07700 900456) after 6')).toEqual([{ text: 'Mum (' }, { text: '07700 900456', tel: 'tel:07700900456' }, { text: ') after 6' }]);
    expect(numbers('Jo +44 7700 900789 or Ali 0161 496 0000').map((piece) => piece.tel)).toEqual(['tel:+447700900789', 'tel:01614960000']);
  });
  it('leaves words with no number, times and dates as they are', () => {
    expect(phonePieces('Going for a walk')).toEqual([{ text: 'Going for a walk' }]);
    expect(numbers('Bus 42 at 10.30, flat 12')).toEqual([]);
    expect(numbers('Since 12.05.2024')).toEqual([]);
  });
  it('gives back every character it was given', () => {
    for (const words of ['Sam 07700 900123', '(0161) 496 0000)', '  +1 555-0100-200 x ', '']) {
      expect(
        phonePieces(words)
          .map((piece) => piece.text)
          .join(''),
      ).toBe(words);
    }
  });
});
