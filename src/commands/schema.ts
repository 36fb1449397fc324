import * as Args from '@oclif/core/args';
import { SqlgenCommand } from '../cli/base-command.js';
import { dialectFlag } from '../cli/shared-flags.js';

export default class Schema extends SqlgenCommand {
  static override summary = 'Print the complete schema at a revision as DDL, read from an embedded PostgreSQL or SQLite.';
  static override description = `Runs sqlgen's own upgrade script from base to REV (default: head) on an embedded engine (PGlite for PostgreSQL, sql.js for SQLite), reads the schema back from its catalog and prints it as DDL, as a bundle's schema.sql holds it. No server is contacted. MySQL and SQL Server have no embedded engine.`;
  static override examples = ['<%= config.bin %> schema', '<%= config.bin %> schema 3f2a9c1b7d4e > schema-3f2a.sql', '<%= config.bin %> schema --dialect sqlite'];
  static override args = { rev: Args.string({ description: 'revision specifier (default: head)', default: 'heads' }) };
  static override flags = { dialect: dialectFlag };

  async run(): Promise<{ revision: string; schema: string }> {
    const { args, flags } = await this.parse(Schema);
    const project = await this.openProject(flags);
    const { schemaAt } = await import('../rehearse/schema-at.js');
    const schema = await schemaAt(project, args.rev);
    this.log(schema.trimEnd());
    return { revision: args.rev, schema };
  }
}
