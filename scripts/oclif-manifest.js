// Writes oclif.manifest.json after the build (`npm run build`), as `oclif manifest` would.
// With it, oclif finds commands and renders --help without importing every command module and
// reading each one's flags on every run (measured: --help 0.22 s -> 0.15 s of CPU).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = new Plugin({ root, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true });
await plugin.load();
writeFileSync(path.join(root, 'oclif.manifest.json'), JSON.stringify(plugin.manifest) + '\n');
