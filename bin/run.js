#!/usr/bin/env node
// The subpath, not the package index: the index also loads oclif's help, ux and semver (about 50 modules).
import { execute } from '@oclif/core/execute';

await execute({ dir: import.meta.url });
