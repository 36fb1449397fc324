/**
 * `import()` as Node itself runs it, for the revisions that need Node's ES module loader. A
 * CommonJS file of its own because vitest rewrites the `import()` calls in the ES module sources
 * it runs into its own loader, which knows neither sqlgen's module hooks nor `sqlgen`.
 */
function importWithNode(url: string): Promise<unknown> {
  return import(url);
}

export = importWithNode;
