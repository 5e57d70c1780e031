import { type RouteId, routeEntries } from '../../routes';
import { allowedGroups, needsSignIn, type RouteContract, type StaffGroup } from './route';

/** The callers the README's matrix has a column for: no token, and a token of exactly one group. */
export const matrixRoles = ['none', 'staff', 'admin', 'steering'] as const satisfies readonly (
  | 'none'
  | StaffGroup
)[];
export type MatrixRole = (typeof matrixRoles)[number];

/**
 * Whether a caller of this role gets past the access check. `public`, `invitation` and `bot` routes
 * need no staff token (the link's token or the Bot Framework's proves access there), so every role may
 * call them; a member of several groups may do what any of them may.
 */
export function roleMayCall(route: Pick<RouteContract, 'access' | 'method'>, role: MatrixRole): boolean {
  if (!needsSignIn(route.access)) return true;
  return role !== 'none' && allowedGroups(route).includes(role);
}

export const roleMatrixStart = '<!-- role-matrix:start (npx tsx scripts/role-matrix.ts --write) -->';
export const roleMatrixEnd = '<!-- role-matrix:end -->';

function row(id: RouteId, route: RouteContract): string {
  const cells = matrixRoles.map((role) => (roleMayCall(route, role) ? '✓' : '—'));
  const audit = route.audit ? `${route.audit.action} ${route.audit.subject}` : '';
  const access = route.localOnly ? `${route.access} (local only)` : route.access;
  return `| \`${route.method} ${route.path}\` | ${id} | ${access} | ${cells.join(' | ')} | ${audit} |`;
}

/** The README's role matrix, generated from the route table: every route × every role. */
export function roleMatrixMarkdown(entries: readonly [RouteId, RouteContract][] = routeEntries): string {
  return [
    '| Route | Id | Access | none | staff | admin | steering | Audit |',
    '| --- | --- | --- | :-: | :-: | :-: | :-: | --- |',
    ...entries.map(([id, route]) => row(id, route)),
  ].join('\n');
}

/** The matrix as the README holds it, between its markers; undefined when they are missing. */
export function roleMatrixIn(readme: string): string | undefined {
  const start = readme.indexOf(roleMatrixStart);
  const end = readme.indexOf(roleMatrixEnd);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + roleMatrixStart.length, end).trim();
}

/** The README's rows by route id, each as its cells (route, id, access, the four roles, audit). */
export function roleMatrixRows(readme: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of (roleMatrixIn(readme) ?? '').split('\n').slice(2)) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells[2]) rows.set(cells[2], cells.slice(1, -1));
  }
  return rows;
}

/** What the README promises for one route and role: `true` let in, `false` refused, undefined no row. */
export function readmePromise(
  rows: Map<string, string[]>,
  id: string,
  role: MatrixRole,
): boolean | undefined {
  const cell = rows.get(id)?.[3 + matrixRoles.indexOf(role)];
  return cell === '✓' ? true : cell === '—' ? false : undefined;
}
