/**
 * `import()` as Node itself runs it, for the revisions that need Node's ES module loader, and
 * for oclif's loading of ES module plugins in the bundled CLI (scripts/bundle-cli.js). A
 * CommonJS file of its own because vitest rewrites the `import()` calls in the ES module sources
 * it runs into its own loader, which knows neither sqlgen's module hooks nor `sqlgen`, and the
 * bundle can hold no import() of its own.
 */
function importWithNode(url: string): Promise<unknown> {
  return import(url);
}

export = importWithNode;
