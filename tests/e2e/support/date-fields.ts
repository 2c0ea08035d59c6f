import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Baton's date and time fields (renderer/app/ui/DateFields.tsx) are a row of parts a person types
 * one by one, not one input to fill. The field carries what was picked, `yyyy-MM-dd` or
 * `yyyy-MM-ddTHH:mm`, as data-value.
 */
export function dateField(scope: Page | Locator, name: string | RegExp): Locator {
  const page = 'keyboard' in scope ? scope : scope.page();
  return scope.locator('.date-field').filter({ has: page.getByRole('group', { name, exact: typeof name === 'string' }) });
}

/** Types `yyyy-MM-dd` or `yyyy-MM-ddTHH:mm` into the field part by part, as a person does. */
export async function fillDateField(field: Locator, value: string): Promise<void> {
  const [date = '', time] = value.split('T');
  const [year, month, day] = date.split('-');
  const [hour, minute] = time?.split(':') ?? [];
  const parts = Object.entries({ year, month, day, hour, minute }).filter((part): part is [string, string] => part[1] !== undefined);
  for (const [type, digits] of parts) {
    await field.locator(`[data-type="${type}"]`).click();
    await field.page().keyboard.type(digits);
  }
  await expect(field).toHaveAttribute('data-value', value);
}

/** What the field shows, as read on screen (without the invisible marks that keep its order left to right). */
export const shownDate = (field: Locator): Promise<string> =>
  field.locator('.date-field__input').evaluate((input) => (input.textContent ?? '').replace(/[\u2066-\u2069]/g, ''));
