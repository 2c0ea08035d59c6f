import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../renderer/app/frame/badge';

describe('badgeOf', () => {
  it('uses the last two characters of a Chinese name and the initials of a Latin one', () => {
    expect(badgeOf('小林')).toBe('小林');
    expect(badgeOf('林晓雯')).toBe('晓雯');
    expect(badgeOf('Alex Chen')).toBe('AC');
    expect(badgeOf('  mia ')).toBe('M');
    expect(badgeOf('')).toBe('');
  });
});
