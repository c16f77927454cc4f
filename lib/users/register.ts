// Self-registration: validate the form with one zod schema, then create the user. The field errors
// are catalogue keys, so the page can show them in the person's language.
import { z } from 'zod';
import type { AppDb } from '../db/app-db';
import { PASSWORD_MAX, passwordProblem } from './password-rules';
import { createUser, findUserByEmail } from './user-store';

export const registrationSchema = z.object({
  name: z.string().trim().min(1, 'nameMissing').max(200, 'nameMissing'),
  email: z.string().trim().max(254, 'emailInvalid').pipe(z.email('emailInvalid')),
  password: z
    .string()
    .max(PASSWORD_MAX * 4, 'passwordTooLong')
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export type RegistrationField = keyof z.infer<typeof registrationSchema>;
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

export type RegistrationResult = { ok: true; userId: string } | { ok: false; errors: RegistrationErrors };

export function validateRegistration(input: Record<string, unknown>) {
  const parsed = registrationSchema.safeParse(input);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const errors: RegistrationErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as RegistrationField;
    errors[field] ??= issue.message;
  }
  return { ok: false as const, errors };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

export async function registerUser(db: AppDb, input: Record<string, unknown>): Promise<RegistrationResult> {
  const valid = validateRegistration(input);
  if (!valid.ok) return valid;
  const { name, email, password } = valid.data;
  if (await findUserByEmail(db, email)) return { ok: false, errors: { email: 'emailTaken' } };
  try {
    const user = await createUser(db, { email, password, name });
    return { ok: true, userId: user.id };
  } catch (err) {
    // Two sign-ups with the same address at once: the unique index decides.
    if (isUniqueViolation(err)) return { ok: false, errors: { email: 'emailTaken' } };
    throw err;
  }
}
