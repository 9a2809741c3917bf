// "BAES: Scaffold Entity…" preview: what the server understood from a sentence (the `spec` of a dry
// run), shown before anything is written, and the user's decision (accept / edit / rephrase / cancel).
// Pure: the command in src/commands/scaffoldEntity.ts shows these choices and acts on them.
import { ATTRIBUTE_TYPES, validateAttributeName, validateEntityName, type EntityInput } from './scaffold';
import { asRecord } from './values';

export interface SpecAttribute {
  name: string;
  type: string;
  required: boolean;
}

export interface SpecRelationship {
  field: string;
  target: string;
  kind: 'many_to_one' | 'many_to_many';
  required: boolean;
}

/** The contract's `spec` object (`baes.recognition.model.recognition_to_json`). */
export interface RecognizedSpec {
  entity: string;
  attributes: SpecAttribute[];
  relationships: SpecRelationship[];
  removed: string[];
  renamedFrom: string | undefined;
  renamedTo: string | undefined;
  defaults: Record<string, string>;
}

export interface Preview {
  ok: boolean;
  intent: string;
  spec: RecognizedSpec;
  files: string[];
  notes: string[];
  errors: string[];
}

export type PreviewAction = 'accept' | 'edit' | 'rephrase' | 'cancel';

export interface PreviewChoice {
  label: string;
  detail?: string;
  action: PreviewAction;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads the dry run's answer; undefined when it has no `spec` (an older server, or an entity given step by step). */
export function parsePreview(value: unknown): Preview | undefined {
  const record = asRecord(value);
  const spec = asRecord(record?.spec);
  if (record === undefined || spec === undefined || typeof spec.entity !== 'string' || typeof record.intent !== 'string') {
    return undefined;
  }
  const attributes = (Array.isArray(spec.attributes) ? spec.attributes : [])
    .map((item) => asRecord(item))
    .filter((item): item is Record<string, unknown> => item !== undefined && typeof item.name === 'string')
    .map((item) => ({ name: String(item.name), type: typeof item.type === 'string' ? item.type : 'str', required: item.required !== false }));
  const relationships = (Array.isArray(spec.relationships) ? spec.relationships : [])
    .map((item) => asRecord(item))
    .filter((item): item is Record<string, unknown> => item !== undefined && typeof item.target === 'string')
    .map((item) => ({
      field: typeof item.field === 'string' ? item.field : '',
      target: String(item.target),
      kind: item.kind === 'many_to_many' ? ('many_to_many' as const) : ('many_to_one' as const),
      required: item.required !== false,
    }));
  const defaults: Record<string, string> = {};
  for (const [key, val] of Object.entries(asRecord(spec.defaults) ?? {})) {
    defaults[key] = String(val);
  }
  return {
    ok: record.ok !== false,
    intent: record.intent,
    spec: {
      entity: spec.entity,
      attributes,
      relationships,
      removed: strings(spec.removed),
      renamedFrom: typeof spec.renamed_from === 'string' ? spec.renamed_from : undefined,
      renamedTo: typeof spec.renamed_to === 'string' ? spec.renamed_to : undefined,
      defaults,
    },
    files: strings(record.files),
    notes: strings(record.notes),
    errors: strings(record.errors),
  };
}

const VERBS: Record<string, string> = {
  create: 'Create entity', add_attributes: 'Add to', remove_attributes: 'Remove from', rename_attribute: 'Rename an attribute of',
  rename_entity: 'Rename entity', relationship: 'Relate', delete_entity: 'Delete entity',
};

/** The recognized change, one line per attribute, relationship, removal, rename, default and note. */
export function describePreview(preview: Preview): string[] {
  const { spec } = preview;
  const lines = [`${VERBS[preview.intent] ?? preview.intent} ${spec.entity}`];
  for (const attribute of spec.attributes) {
    lines.push(`attribute ${attribute.name}: ${attribute.type} (${attribute.required ? 'required' : 'optional'})`);
  }
  for (const relationship of spec.relationships) {
    lines.push(
      relationship.kind === 'many_to_many'
        ? `relationship ${spec.entity} ↔ ${relationship.target} (many-to-many)`
        : `relationship ${spec.entity}.${relationship.field} → ${relationship.target} (many-to-one, ${relationship.required ? 'required' : 'optional'})`,
    );
  }
  for (const name of spec.removed) {
    lines.push(`remove ${name}`);
  }
  if (spec.renamedFrom !== undefined && spec.renamedTo !== undefined) {
    lines.push(`rename ${spec.renamedFrom} → ${spec.renamedTo}`);
  }
  for (const [name, value] of Object.entries(spec.defaults)) {
    lines.push(`default ${name} = ${value} (existing rows)`);
  }
  for (const note of preview.notes) {
    lines.push(`note: ${note}`);
  }
  return lines;
}

/**
 * What the user may do with a preview. Accept only when the server could plan files; editing names
 * and types only for a new entity (it is then sent as an entity, which always means "create"); any
 * other change is corrected by rephrasing the sentence. Cancel is always there.
 */
export function previewChoices(preview: Preview): PreviewChoice[] {
  const choices: PreviewChoice[] = [];
  if (preview.ok && preview.files.length > 0) {
    choices.push({ label: `$(check) Accept: generate ${preview.files.length} files`, action: 'accept' });
  }
  if (preview.ok && preview.intent === 'create') {
    choices.push({ label: '$(edit) Edit a name or a type…', action: 'edit' });
  }
  choices.push({ label: '$(comment) Rephrase the request…', action: 'rephrase' });
  choices.push({ label: '$(close) Cancel', detail: 'nothing is written', action: 'cancel' });
  return choices;
}

/** The parts of a new entity the user can edit: its name, then each attribute. */
export function editTargets(spec: RecognizedSpec): { label: string; description: string; index: number }[] {
  return [
    { label: spec.entity, description: 'entity name', index: -1 },
    ...spec.attributes.map((attribute, index) => ({ label: attribute.name, description: `${attribute.type}, ${attribute.required ? 'required' : 'optional'}`, index })),
  ];
}

/** The spec with one edit applied (entity name for index -1, else an attribute's name and type); throws on an invalid edit. */
export function applyEdit(spec: RecognizedSpec, index: number, name: string, type?: string): RecognizedSpec {
  const trimmed = name.trim();
  if (index < 0) {
    const error = validateEntityName(trimmed);
    if (error !== undefined) {
      throw new Error(error);
    }
    return { ...spec, entity: trimmed };
  }
  const current = spec.attributes[index];
  if (current === undefined) {
    throw new Error(`there is no attribute ${index + 1}`);
  }
  const others = spec.attributes.filter((_, i) => i !== index).map((attribute) => attribute.name);
  const error = validateAttributeName(trimmed, others) ?? (trimmed === '' ? 'Enter the attribute name.' : undefined);
  if (error !== undefined) {
    throw new Error(error);
  }
  const newType = type ?? current.type;
  if (!ATTRIBUTE_TYPES.some((entry) => entry.type === newType)) {
    throw new Error(`unsupported type ${newType}`);
  }
  const attributes = spec.attributes.map((attribute, i) => (i === index ? { ...attribute, name: trimmed, type: newType } : attribute));
  return { ...spec, attributes };
}

/** A new entity's (possibly edited) spec as the step-by-step entity argument of `baes.scaffoldEntity`. */
export function entityFromSpec(spec: RecognizedSpec): EntityInput {
  if (spec.relationships.some((relationship) => relationship.kind !== 'many_to_one')) {
    throw new Error('a many-to-many relationship cannot be sent as an entity');
  }
  return {
    name: spec.entity,
    attributes: spec.attributes.map((attribute) => ({ ...attribute })),
    relationships: spec.relationships.map((relationship) => ({ target: relationship.target, required: relationship.required })),
  };
}
