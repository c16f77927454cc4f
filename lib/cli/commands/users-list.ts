// gatehouse users list: the app's people, ordered by e-mail.
import { listUsers } from '../../users/user-admin';
import { defineCommand, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { outputFormat, printTable } from '../output';
import { DATABASE_HELP, DATABASE_OPTIONS, userTable, withAppDb } from '../users';

export const usersListCommand = defineCommand({
  name: 'users list',
  summary: "list the app's people",
  usage: '[--database URL] [--format FORMAT]',
  description: 'Lists the people who can sign in to the app, ordered by e-mail. Password hashes are never shown.',
  flagsHelp: `${DATABASE_HELP}\n${FORMAT_HELP}`,
  example: 'DATABASE_URL=sqlite://.data/app.sqlite gatehouse users list',
  options: { ...DATABASE_OPTIONS, ...FORMAT_OPTIONS },
  async run(flags) {
    const format = outputFormat(flags);
    printTable(format, userTable(await withAppDb(flags.string('database'), listUsers)));
  },
});
