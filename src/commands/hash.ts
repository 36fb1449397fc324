import { SqlgenCommand } from '../cli/base-command.js';
import type { SumUpdate } from '../integrity/write-sum.js';

export default class Hash extends SqlgenCommand {
  static override summary = 'Rewrite revisions/sqlgen.sum, the chained SHA-256 of every revision file.';
  static override description = [
    'The sum lists every revision file in graph order with the SHA-256 of its bytes and a digest chained over the lines before it, so an edited, removed or inserted revision shows, and two branches that add revisions at once conflict in git. After each revision come the local modules it imports through relative specifiers (transitively), so a changed helper shows too.',
    'Run it after reviewing new or changed revisions, and commit the sum with them. `sqlgen revision` and `sqlgen merge` keep an existing sum up to date.',
  ].join('\n\n');
  static override examples = ['<%= config.bin %> hash', '<%= config.bin %> hash --json'];

  async run(): Promise<SumUpdate> {
    const { flags } = await this.parse(Hash);
    const project = await this.openProject(flags);
    const { writeSum } = await import('../integrity/write-sum.js');
    const update = writeSum(project);
    this.log(describeUpdate(update));
    return update;
  }
}

function describeUpdate(update: SumUpdate): string {
  const count = `${update.revisions} revision${update.revisions === 1 ? '' : 's'}`;
  switch (update.status) {
    case 'unchanged':
      return `${update.file} is up to date (${count}).`;
    case 'created':
      return `Created ${update.file} (${count}).`;
    case 'replaced':
      return `Replaced ${update.file}, which was not a valid sum file (${count}).`;
    case 'updated': {
      const changes = update.changes.map((change) => `  ${change.change.padEnd(8)} ${change.file}${change.importedBy ? ` (imported by ${change.importedBy})` : ''}`);
      const detail = changes.length > 0 ? changes : ['  (order or digests corrected; no file changed)'];
      return [`Updated ${update.file} (${count}):`, ...detail].join('\n');
    }
  }
}
