import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeEntries } from '../../routes';
import {
  type MatrixRole,
  roleMatrixIn,
  roleMatrixMarkdown,
  roleMatrixRows,
  roleMayCall,
} from './role-matrix';

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

const readmeRows = () => roleMatrixRows(readme);

const roles: MatrixRole[] = ['none', 'staff', 'admin', 'steering'];

describe('the role matrix in the README', () => {
  it('is there, between its markers', () => {
    expect(roleMatrixIn(readme)).toBeDefined();
  });

  it('has one row per route and no row for a route that does not exist', () => {
    expect([...readmeRows().keys()].sort()).toEqual(routeEntries.map(([id]) => id).sort());
  });

  it.each(routeEntries)('says for %s exactly who the route table lets in', (id, route) => {
    const cells = readmeRows().get(id);
    expect(cells?.[0]).toBe(`\`${route.method} ${route.path}\``);
    const promised = roles.map((_, index) => cells?.[3 + index]);
    expect(promised).toEqual(roles.map((role) => (roleMayCall(route, role) ? '✓' : '—')));
    expect(cells?.[7] ?? '').toBe(route.audit ? `${route.audit.action} ${route.audit.subject}` : '');
  });

  it('is exactly what the route table generates (npx tsx scripts/role-matrix.ts --write)', () => {
    expect(roleMatrixIn(readme)).toBe(roleMatrixMarkdown());
  });

  it('keeps what hands out personal data or changes what the public is told for admins', () => {
    const adminOnly = [
      'exportEvaluationWithContacts',
      'exportWorkshopRegistrations',
      'createKnowledgeEntry',
      'saveKnowledgeTexts',
      'saveMilestone',
      'removeMilestone',
      'approveOffering',
      'rejectOffering',
      'editOffering',
      'auditTrail',
    ];
    for (const [id, route] of routeEntries.filter(([candidate]) => adminOnly.includes(candidate))) {
      expect({ id, staff: roleMayCall(route, 'staff'), admin: roleMayCall(route, 'admin') }).toEqual({
        id,
        staff: false,
        admin: true,
      });
    }
  });

  it('audits signed-in routes only: the record names a staff member', () => {
    const audited = routeEntries.filter(([, route]) => route.audit);
    expect(audited.length).toBeGreaterThan(0);
    for (const [id, route] of audited)
      expect({ id, openWithoutToken: roleMayCall(route, 'none') }).toEqual({ id, openWithoutToken: false });
  });

  it('lets no role without a token into a signed-in route and every signed-in route has an admin', () => {
    for (const [id, route] of routeEntries) {
      if (roleMayCall(route, 'none') && route.access !== 'public') {
        expect(['invitation', 'bot']).toContain(route.access);
      }
      if (!roleMayCall(route, 'none'))
        expect({ id, admin: roleMayCall(route, 'admin') }).toEqual({ id, admin: true });
    }
  });
});
