// gatehouse users disable|enable ID_OR_EMAIL: a disabled person cannot sign in.
import { setUserDisabled } from '../../users/user-admin';
import { defineCommand, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { outputFormat, printRow } from '../output';
import { DATABASE_HELP, DATABASE_OPTIONS, requireUser, userRow, withAppDb } from '../users';

function toggle(disabled: boolean) {
  const verb = disabled ? 'disable' : 'enable';
  return defineCommand({
    name: `users ${verb}`,
    summary: disabled ? 'stop a person from signing in' : 'let a disabled person sign in again',
    usage: 'ID_OR_EMAIL [--database URL]',
    description: disabled ? 'Disables a person: they can no longer sign in. Nothing is deleted.' : 'Enables a disabled person again.',
    flagsHelp: `${DATABASE_HELP}\n${FORMAT_HELP}`,
    example: `gatehouse users ${verb} ada@example.com`,
    options: { ...DATABASE_OPTIONS, ...FORMAT_OPTIONS },
    positionals: { min: 1, max: 1 },
    async run(flags, [who]) {
      const format = outputFormat(flags);
      const user = await withAppDb(flags.string('database'), async (db) => setUserDisabled(db, (await requireUser(db, who!)).id, disabled));
      printRow(format, userRow(user));
    },
  });
}

export const usersDisableCommand = toggle(true);
export const usersEnableCommand = toggle(false);
