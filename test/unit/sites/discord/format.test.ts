import { describe, expect, it } from 'vitest';
import { discordFormat as discord } from '../../../../src/sites/discord/format';

describe('discord', () => {
  it('accepts eight letters and digits with or without the hyphen, shown as xxxx-xxxx', () => {
    expect(discord.normalize('AB12-CD34')).toBe('ab12cd34');
    expect(discord.normalize('ab12cd34')).toBe('ab12cd34');
    expect(discord.normalize('ab12-cd3')).toBeNull();
    expect(discord.display('ab12cd34')).toBe('ab12-cd34');
  });

  it('finds codes in a list but not hyphenated words in a sentence', () => {
    expect(discord.findAll('* ab12-cd34\n* 9xyz-8wvu (used)\nA well-made self-help book')).toEqual([
      'ab12cd34',
      '9xyz8wvu',
    ]);
  });
});
