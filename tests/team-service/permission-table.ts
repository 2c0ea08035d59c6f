import { PERMISSIONS, type PermissionAllowed } from '../../shared/team';

const who = (allowed: PermissionAllowed) =>
  allowed === 'anyone' ? 'any device, even before approval' : allowed === 'self' ? 'any approved member, about themselves' : allowed.join(', ');

/** README's "Roles and permissions" table, made from the one permission table. */
export function permissionTable(): string {
  const rows = PERMISSIONS.map((rule) => `| \`${rule.ops}${rule.ops.endsWith('.') ? '*' : ''}\` | ${who(rule.allowed)} | ${rule.what} |`);
  return ['| ops | who may write them | what |', '| --- | --- | --- |', ...rows].join('\n');
}
