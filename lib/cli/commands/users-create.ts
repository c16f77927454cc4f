// gatehouse users create: adds a person to the app's user table with an argon2id password hash.
import { createUser, findUserByEmail, type Role } from '../../users/user-store';
import { defineCommand, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { CliError, UsageError } from '../errors';
import { outputFormat, printRow } from '../output';
import { DATABASE_HELP, DATABASE_OPTIONS, passwordFromStdin, userRow, withAppDb } from '../users';

export const usersCreateCommand = defineCommand({
  name: 'users create',
  summary: 'add a person to the app',
  usage: '--email EMAIL --password-stdin [--name NAME] [--role admin|user]',
  description: 'Adds a person who can sign in. The password is read from the first line of standard input.',
  flagsHelp: `${DATABASE_HELP}
      --email EMAIL             e-mail address (unique, case-insensitive)
      --name NAME               display name
      --role ROLE               user (default) or admin
      --email-verified          mark the e-mail address as verified
      --password-stdin          read the password from standard input
${FORMAT_HELP}`,
  example: "printf '%s\\n' \"$PASSWORD\" | gatehouse users create --email ada@example.com --name 'Ada Lovelace' --password-stdin",
  options: {
    ...DATABASE_OPTIONS,
    ...FORMAT_OPTIONS,
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'email-verified': { type: 'boolean' },
    'password-stdin': { type: 'boolean' },
  },
  async run(flags) {
    const format = outputFormat(flags);
    const email = flags.string('email');
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError('--email expects an e-mail address');
    const role = flags.string('role') ?? 'user';
    if (role !== 'user' && role !== 'admin') throw new UsageError(`--role expects admin or user, got "${role}"`);
    const password = passwordFromStdin(flags.bool('password-stdin'));
    const user = await withAppDb(flags.string('database'), async (db) => {
      if (await findUserByEmail(db, email)) throw new CliError(`a user with e-mail ${email.toLowerCase()} exists already`);
      return createUser(db, { email, password, name: flags.string('name'), role: role as Role, emailVerified: flags.bool('email-verified') });
    });
    printRow(format, userRow(user));
  },
});
