// Where the project's own folders are, independent of the working directory and of whether the code runs compiled.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Set by bin/compiled.mjs in the compiled copy of src/ a batch runs from; absent when tsx loads the sources. */
declare const __VANBAN_COMPILED__: { root: string; dir: string } | undefined;

/** Folder of the compiled copy this code runs from, or undefined when it runs from the TypeScript sources. */
export const COMPILED_DIR: string | undefined = typeof __VANBAN_COMPILED__ === 'object' ? __VANBAN_COMPILED__.dir : undefined;
export const ROOT = typeof __VANBAN_COMPILED__ === 'object' ? __VANBAN_COMPILED__.root : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(ROOT, 'templates');
export const FORMS_DIR = path.join(ROOT, 'src', 'forms');
