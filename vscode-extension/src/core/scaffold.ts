// "BAES: Scaffold Entity…": validating what the user types and building the arguments of the
// server's `baes.scaffoldEntity` command; reading its answer. Pure.
import { asRecord } from './values';

/** The attribute types every template supports (as `baes.scaffold.spec.SUPPORTED_TYPES`). */
export const ATTRIBUTE_TYPES: readonly { type: string; description: string }[] = [
  { type: 'str', description: 'text' },
  { type: 'int', description: 'whole number' },
  { type: 'float', description: 'decimal number' },
  { type: 'bool', description: 'true or false' },
  { type: 'date', description: 'calendar date (YYYY-MM-DD)' },
  { type: 'datetime', description: 'date and time' },
  { type: 'email', description: 'text validated as an e-mail address' },
];

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface AttributeInput {
  name: string;
  type: string;
  required: boolean;
}

export interface RelationshipInput {
  target: string;
  required: boolean;
}

export interface EntityInput {
  name: string;
  attributes: AttributeInput[];
  relationships: RelationshipInput[];
}

/** An error message for an invalid identifier (entity, attribute or related entity name), else undefined. */
export function validateIdentifier(value: string, what: string): string | undefined {
  const name = value.trim();
  if (name === '') {
    return `Enter the ${what}.`;
  }
  if (!IDENTIFIER.test(name) || PYTHON_KEYWORDS.has(name)) {
    return `"${name}" cannot be a ${what}: use letters, digits and underscores, starting with a letter (it becomes a Python name, a table and a file name).`;
  }
  if (name.length > 64) {
    return `A ${what} has at most 64 characters.`;
  }
  return undefined;
}

export function validateEntityName(value: string): string | undefined {
  return validateIdentifier(value, 'entity name');
}

/** An error for an attribute name: invalid, reserved (`id`), or already given. Empty means "done". */
export function validateAttributeName(value: string, existing: readonly string[]): string | undefined {
  const name = value.trim();
  if (name === '') {
    return undefined;
  }
  const invalid = validateIdentifier(name, 'attribute name');
  if (invalid !== undefined) {
    return invalid;
  }
  if (name.toLowerCase() === 'id') {
    return '"id" is reserved: every entity has an integer id.';
  }
  if (existing.includes(name)) {
    return `"${name}" is already an attribute.`;
  }
  return undefined;
}

export interface ScaffoldArguments {
  request?: string;
  entity?: EntityInput;
  folder_uri?: string;
  dry_run: boolean;
}

/** The one argument object of `baes.scaffoldEntity` for a sentence ("add a Book with title and year"). */
export function scaffoldFromSentence(sentence: string, folderUri: string | undefined): ScaffoldArguments {
  const request = sentence.trim();
  if (request === '') {
    throw new Error('The request is empty.');
  }
  const args: ScaffoldArguments = { request, dry_run: false };
  if (folderUri !== undefined) {
    args.folder_uri = folderUri;
  }
  return args;
}

/** The one argument object of `baes.scaffoldEntity` for an entity given step by step. */
export function scaffoldFromEntity(entity: EntityInput, folderUri: string | undefined): ScaffoldArguments {
  const nameError = validateEntityName(entity.name);
  if (nameError !== undefined) {
    throw new Error(nameError);
  }
  const args: ScaffoldArguments = {
    entity: {
      name: entity.name.trim(),
      attributes: entity.attributes.map((attribute) => ({ ...attribute })),
      relationships: entity.relationships.map((relationship) => ({ ...relationship })),
    },
    dry_run: false,
  };
  if (folderUri !== undefined) {
    args.folder_uri = folderUri;
  }
  return args;
}

export interface ScaffoldResult {
  /** The entity's name as generated (e.g. `Book`), when the server says it. */
  entity: string | undefined;
  files: string[];
  notes: string[];
}

/**
 * Reads the server's answer `{entity?, files: [uri...], notes: [...], applied?, failure_reason?}`.
 * An answer without files, or one saying VS Code did not apply the edit, is an error.
 */
export function parseScaffoldResult(value: unknown): ScaffoldResult {
  const record = asRecord(value);
  if (record === undefined) {
    throw new Error(`unexpected answer from baes.scaffoldEntity: ${JSON.stringify(value)}`);
  }
  if (!Array.isArray(record.files)) {
    throw new Error(`unexpected answer from baes.scaffoldEntity (no "files"): ${JSON.stringify(value)}`);
  }
  if (record.applied === false) {
    const reason = typeof record.failure_reason === 'string' && record.failure_reason !== '' ? record.failure_reason : 'no reason given';
    throw new Error(`VS Code did not apply the generated files (${reason})`);
  }
  const files = record.files.filter((file): file is string => typeof file === 'string');
  const notes = Array.isArray(record.notes) ? record.notes.map((note) => (typeof note === 'string' ? note : JSON.stringify(note))) : [];
  return { entity: typeof record.entity === 'string' ? record.entity : undefined, files, notes };
}

/** The files to open after scaffolding: the first `limit` of them, in the order the server lists them. */
export function filesToOpen(files: readonly string[], limit: number): string[] {
  return files.slice(0, Math.max(0, limit));
}
