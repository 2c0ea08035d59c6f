/**
 * What goes in the round badge: the last two characters of a Chinese name (as colleagues call
 * each other: 小林, 晓雯), the initials of a Latin one.
 */
export function badgeOf(name: string): string {
  const trimmed = name.trim();
  if (/\p{Script=Han}/u.test(trimmed)) return [...trimmed.replace(/\s+/g, '')].slice(-2).join('');
  const words = trimmed.split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0]!.toUpperCase()).join('');
}
