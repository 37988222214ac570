// Where the project's own folders are, independent of the working directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(ROOT, 'templates');
export const FORMS_DIR = path.join(ROOT, 'src', 'forms');
