import { routes } from '../routes';
import { AuditStore } from '../shared/audit/audit-store';
import { listAuditRecords } from '../shared/audit/audit-trail';
import { DomainError } from '../shared/domain/errors';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, type RequestContext } from '../shared/http/handler';
import { defaultStore } from '../shared/store/client';

export async function currentStaffMember(context: RequestContext) {
  const principal = context.principal;
  if (!principal) throw new DomainError('unauthorized');
  return { ...principal, isAdmin: principal.groups.includes('admin') };
}

export const handler = featureLambda('staff', {
  currentStaffMember: httpHandler(routes.currentStaffMember, async (_input, context) =>
    currentStaffMember(context),
  ),
  auditTrail: httpHandler(routes.auditTrail, async ({ query }, context) =>
    listAuditRecords(new AuditStore(defaultStore()), query, context.receivedAt),
  ),
});
