import { routes } from '../routes';
import { DomainError } from '../shared/domain/errors';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, type RequestContext } from '../shared/http/handler';

export async function currentStaffMember(context: RequestContext) {
  const principal = context.principal;
  if (!principal) throw new DomainError('unauthorized');
  return { ...principal, isAdmin: principal.groups.includes('admin') };
}

export const handler = featureLambda('staff', {
  currentStaffMember: httpHandler(routes.currentStaffMember, async (_input, context) =>
    currentStaffMember(context),
  ),
});
