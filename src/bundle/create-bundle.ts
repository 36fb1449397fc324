import type { Project } from '../project.js';
import type { Manifest } from './manifest.js';
import { assembleBundle, type BundleRequest } from './assemble-bundle.js';
import { publicKeyFingerprint, readPrivateKey } from './signing.js';
import { finishBundle, writeBundle, type WriteBundleOptions } from './write-bundle.js';

export interface CreateBundleRequest extends Omit<BundleRequest, 'signed'>, Omit<WriteBundleOptions, 'outputDir'> {
  /** Folder to write into; default the config's `outputDir`. */
  outputDir?: string;
  /** Private key PEM to sign with; absent: unsigned. */
  signingKeyFile?: string;
}

export interface CreatedBundle {
  name: string;
  directory: string;
  archive?: string;
  from: string;
  to: string;
  revisions: string[];
  files: string[];
  /** Fingerprint of the public half of the signing key, when signed. */
  signedBy?: string;
  /** Lint findings per severity, and whether errors were let through (--allow-lint-errors). */
  lint: Pick<Manifest['lint'], 'counts' | 'errorsAllowed'>;
  /** How the scripts were rehearsed, as the manifest records it. */
  rehearsal: Manifest['rehearsal'];
}

/** Renders, signs and writes a bundle; `output/` gains the whole bundle or nothing. */
export async function createBundle(project: Project, request: CreateBundleRequest): Promise<CreatedBundle> {
  const signingKey = request.signingKeyFile ? readPrivateKey(request.signingKeyFile) : undefined;
  const assembled = await assembleBundle(project, { ...request, signed: signingKey !== undefined });
  const files = finishBundle(assembled, signingKey);
  const written = await writeBundle(assembled.name, files, {
    outputDir: request.outputDir ?? project.config.outputDir,
    force: request.force,
    archive: request.archive,
    ...(request.notify && { notify: request.notify }),
  });
  const { manifest } = assembled;
  return {
    name: assembled.name,
    ...written,
    from: manifest.from,
    to: manifest.to,
    revisions: manifest.revisions.map((revision) => revision.id),
    files: [...files.keys()],
    ...(signingKey && { signedBy: publicKeyFingerprint(signingKey) }),
    lint: { counts: manifest.lint.counts, errorsAllowed: manifest.lint.errorsAllowed },
    rehearsal: manifest.rehearsal,
  };
}
