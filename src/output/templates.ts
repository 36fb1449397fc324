import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';

/** The templates that ship with sqlgen; a project's own `templatesDir` overrides any of them. */
export const BUILT_IN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates') + path.sep;

/** Path of a template: the project's own if it has one, else the built-in. */
export function templatePath(name: string, templatesDir: string): string {
  const own = path.join(templatesDir, name);
  return existsSync(own) ? own : path.join(BUILT_IN_TEMPLATES_DIR, name);
}

const engine = Handlebars.create();
// `{{json value}}` writes a value as a JSON (and so TypeScript) literal: quotes in messages stay safe.
engine.registerHelper('json', (value: unknown) => JSON.stringify(value));
engine.registerHelper('join', (values: unknown[], separator: unknown) => values.join(typeof separator === 'string' ? separator : ' '));
// `{{#if (eq dialect.id "postgresql")}}`: what a template branches on is often one value.
engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
// `{{cell text}}` keeps user text inside one Markdown table cell: no pipe or line break ends it.
engine.registerHelper('cell', (text: unknown) => String(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' '));

/** Renders a source-code template; no HTML escaping, since the output is code, not markup. */
export function renderCodeTemplate(file: string, context: object): string {
  return engine.compile(readFileSync(file, 'utf8'), { noEscape: true, strict: true })(context);
}
