import Branches from './branches.js';
import Bundle from './bundle.js';
import Check from './check.js';
import Downgrade from './downgrade.js';
import Hash from './hash.js';
import Heads from './heads.js';
import Help from './help.js';
import History from './history.js';
import Init from './init.js';
import Keygen from './keygen.js';
import Lint from './lint.js';
import Merge from './merge.js';
import Rehearse from './rehearse.js';
import Revision from './revision.js';
import Schema from './schema.js';
import Show from './show.js';
import Stamp from './stamp.js';
import Upgrade from './upgrade.js';
import Verify from './verify.js';

/** Every command, by id: oclif's explicit strategy loads this one module instead of scanning. */
export const COMMANDS = {
  branches: Branches,
  bundle: Bundle,
  check: Check,
  downgrade: Downgrade,
  hash: Hash,
  heads: Heads,
  help: Help,
  history: History,
  init: Init,
  keygen: Keygen,
  lint: Lint,
  merge: Merge,
  rehearse: Rehearse,
  revision: Revision,
  schema: Schema,
  show: Show,
  stamp: Stamp,
  upgrade: Upgrade,
  verify: Verify,
};
