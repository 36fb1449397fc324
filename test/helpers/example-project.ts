/** What the example project's countries revision inserts, written out so tests do not read the revision. */
export const EXAMPLE_COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['CI', "Côte d'Ivoire"],
  ['IS', 'Ísland'],
  ['JP', '日本'],
  ['LA', "Lao People's Democratic Republic"],
  ['NL', 'Nederland'],
  ['XK', 'Kosovo \\ "provisional"'],
];
