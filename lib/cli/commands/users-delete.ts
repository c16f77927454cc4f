// gatehouse users delete ID_OR_EMAIL…: removes people from the app's user table.
import { deleteUser } from '../../users/user-admin';
import { defineCommand, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { outputFormat, printTable } from '../output';
import { DATABASE_HELP, DATABASE_OPTIONS, requireUser, withAppDb } from '../users';

export const usersDeleteCommand = defineCommand({
  name: 'users delete',
  summary: 'remove a person',
  usage: 'ID_OR_EMAIL... [--database URL]',
  description: 'Deletes people. Tokens already issued to them stay valid until they expire; revoke their consent sessions to end them.',
  flagsHelp: `${DATABASE_HELP}\n${FORMAT_HELP}`,
  example: 'gatehouse users delete ada@example.com',
  options: { ...DATABASE_OPTIONS, ...FORMAT_OPTIONS },
  positionals: { min: 1, max: Infinity },
  async run(flags, who) {
    const format = outputFormat(flags);
    const ids = await withAppDb(flags.string('database'), async (db) => {
      const users = [];
      for (const w of who) users.push(await requireUser(db, w));
      for (const u of users) await deleteUser(db, u.id);
      return users.map((u) => u.id);
    });
    printTable(format, { header: ['ID'], rows: ids.map((id) => [id]), data: ids });
  },
});
