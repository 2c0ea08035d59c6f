import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { permissionTable } from './permission-table';

it("README's roles and permissions table is the permission table (shared/team/permissions.ts)", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Roles and permissions'));
  expect(section).toContain(permissionTable());
});
