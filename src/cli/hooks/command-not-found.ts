import type { Hook } from '@oclif/core';
import * as Errors from '@oclif/core/errors';
import { distance } from 'fastest-levenshtein';
import { ExitCode } from '../../errors.js';

/** How far a typo may be from a command to be offered as "did you mean". */
const MAX_TYPO_DISTANCE = 3;

/** `sqlgen histroy` → "did you mean history?", instead of oclif's bare "command not found". */
const hook: Hook.CommandNotFound = async function ({ id, config }) {
  const commands = config.commandIDs.filter((command) => !config.findCommand(command)?.hidden);
  const ranked = commands
    .map((command) => ({ command, distance: distance(id, command) }))
    .filter((candidate) => candidate.distance <= MAX_TYPO_DISTANCE || candidate.command.startsWith(id))
    .sort((a, b) => a.distance - b.distance || a.command.localeCompare(b.command));
  const suggestions = ranked.slice(0, 3).map((candidate) => `sqlgen ${candidate.command}`);
  const didYouMean = ranked[0] ? ` Did you mean "${ranked[0].command}"?` : '';
  Errors.error(`"${id}" is not a sqlgen command.${didYouMean}`, {
    exit: ExitCode.input,
    code: 'UNKNOWN_COMMAND',
    suggestions: suggestions.length > 0 ? suggestions : ['sqlgen --help lists the commands'],
  });
};

export default hook;
