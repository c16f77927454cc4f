// gatehouse users set-password ID_OR_EMAIL --password-stdin: replaces the argon2id hash.
import { setUserPassword } from '../../users/user-admin';
import { defineCommand, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { outputFormat, printRow } from '../output';
import { DATABASE_HELP, DATABASE_OPTIONS, passwordFromStdin, requireUser, userRow, withAppDb } from '../users';

export const usersSetPasswordCommand = defineCommand({
  name: 'users set-password',
  summary: "replace a person's password",
  usage: 'ID_OR_EMAIL --password-stdin [--database URL]',
  description: 'Sets a new password, read from the first line of standard input.',
  flagsHelp: `${DATABASE_HELP}\n      --password-stdin          read the password from standard input\n${FORMAT_HELP}`,
  example: "printf '%s\\n' \"$PASSWORD\" | gatehouse users set-password ada@example.com --password-stdin",
  options: { ...DATABASE_OPTIONS, ...FORMAT_OPTIONS, 'password-stdin': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(flags, [who]) {
    const format = outputFormat(flags);
    const password = passwordFromStdin(flags.bool('password-stdin'));
    const user = await withAppDb(flags.string('database'), async (db) => setUserPassword(db, (await requireUser(db, who!)).id, password));
    printRow(format, userRow(user));
  },
});
