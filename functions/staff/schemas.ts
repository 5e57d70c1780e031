import { z } from 'zod';

export const StaffMember = z.object({
  sub: z.string(),
  email: z.string().optional(),
  groups: z.array(z.string()),
  isAdmin: z.boolean(),
});
