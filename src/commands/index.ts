import Branches from './branches.js';
import Downgrade from './downgrade.js';
import Heads from './heads.js';
import History from './history.js';
import Init from './init.js';
import Keygen from './keygen.js';
import Merge from './merge.js';
import Revision from './revision.js';
import Show from './show.js';
import Stamp from './stamp.js';
import Upgrade from './upgrade.js';

/** Every command, by id: oclif's explicit strategy loads this one module instead of scanning. */
export const COMMANDS = {
  branches: Branches,
  downgrade: Downgrade,
  heads: Heads,
  history: History,
  init: Init,
  keygen: Keygen,
  merge: Merge,
  revision: Revision,
  show: Show,
  stamp: Stamp,
  upgrade: Upgrade,
};
