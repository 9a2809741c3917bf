import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdit, describePreview, editTargets, entityFromSpec, parsePreview, previewChoices } from '../src/core/scaffoldPreview';

// What `baes.scaffoldEntity` answers to a dry run (server/baes/lsp/scaffolding.py).
const created = {
  ok: true,
  entity: 'Cabin',
  intent: 'create',
  files: ['file:///w/app/models/cabin.py', 'file:///w/app/routers/cabin.py'],
  notes: ["read 'weigth' as 'weight'"],
  dry_run: true,
  spec: {
    entity: 'Cabin',
    attributes: [
      { name: 'name', type: 'str', required: true },
      { name: 'max_guests', type: 'int', required: true },
      { name: 'weight', type: 'float', required: false },
    ],
    relationships: [{ field: 'resort_id', target: 'Resort', kind: 'many_to_one', required: true }],
    removed: [],
    renamed_from: null,
    renamed_to: null,
    defaults: {},
  },
};

const refused = {
  ok: false,
  entity: 'Supplier',
  intent: 'remove_attributes',
  files: [],
  notes: [],
  errors: ["'remove_attributes' is not supported by the scaffold planner yet: nothing was planned or written"],
  dry_run: true,
  spec: { entity: 'Supplier', attributes: [], relationships: [], removed: ['fax_number'], renamed_from: null, renamed_to: null, defaults: {} },
};

const actions = (value: unknown): string[] => previewChoices(parsePreview(value)!).map((choice) => choice.action);

describe('scaffold preview', () => {
  it('reads the dry run and describes every part of the recognized change', () => {
    const preview = parsePreview(created)!;
    assert.deepEqual(describePreview(preview), [
      'Create entity Cabin',
      'attribute name: str (required)',
      'attribute max_guests: int (required)',
      'attribute weight: float (optional)',
      'relationship Cabin.resort_id → Resort (many-to-one, required)',
      "note: read 'weigth' as 'weight'",
    ]);
    const removal = parsePreview(refused)!;
    assert.deepEqual(describePreview(removal), ['Remove from Supplier', 'remove fax_number']);
    const many = parsePreview({ ...refused, intent: 'relationship', spec: { ...refused.spec, removed: [], relationships: [{ field: 'event_id', target: 'Event', kind: 'many_to_many', required: true }] } })!;
    assert.deepEqual(describePreview(many).slice(1), ['relationship Supplier ↔ Event (many-to-many)']);
    const renamed = parsePreview({ ...refused, intent: 'rename_attribute', spec: { ...refused.spec, removed: [], renamed_from: 'cost', renamed_to: 'unit_price', defaults: { priority: 0 } } })!;
    assert.deepEqual(describePreview(renamed).slice(1), ['rename cost → unit_price', 'default priority = 0 (existing rows)']);
  });

  it('has no preview without a spec (an older server, or an entity given step by step)', () => {
    assert.equal(parsePreview({ entity: 'Book', files: [], notes: [] }), undefined);
    assert.equal(parsePreview(null), undefined);
    assert.equal(parsePreview({ intent: 'create', spec: { attributes: [] } }), undefined);
  });

  it('offers accept and edit for a plannable new entity, never accept for what cannot be done', () => {
    assert.deepEqual(actions(created), ['accept', 'edit', 'rephrase', 'cancel']);
    assert.deepEqual(actions(refused), ['rephrase', 'cancel']);
    assert.deepEqual(actions({ ...created, intent: 'add_attributes' }), ['accept', 'rephrase', 'cancel']);
    assert.deepEqual(actions({ ...created, files: [] }), ['edit', 'rephrase', 'cancel']);
  });

  it('edits a name or a type, and refuses an edit that cannot be generated', () => {
    const { spec } = parsePreview(created)!;
    assert.deepEqual(editTargets(spec).map((target) => [target.label, target.index]), [['Cabin', -1], ['name', 0], ['max_guests', 1], ['weight', 2]]);
    const renamed = applyEdit(spec, -1, ' Lodge ');
    assert.equal(renamed.entity, 'Lodge');
    assert.equal(spec.entity, 'Cabin'); // the original is left alone
    const retyped = applyEdit(spec, 1, 'guests', 'float');
    assert.deepEqual(retyped.attributes[1], { name: 'guests', type: 'float', required: true });
    assert.deepEqual(applyEdit(spec, 2, 'weight').attributes[2], spec.attributes[2]);
    assert.throws(() => applyEdit(spec, -1, '../etc'), /cannot be/);
    assert.throws(() => applyEdit(spec, 1, 'name'), /already/);
    assert.throws(() => applyEdit(spec, 1, 'id'), /reserved/);
    assert.throws(() => applyEdit(spec, 1, ''), /Enter the attribute name/);
    assert.throws(() => applyEdit(spec, 1, 'guests', 'money'), /unsupported type/);
    assert.throws(() => applyEdit(spec, 9, 'x'), /no attribute/);
  });

  it('sends an edited new entity as the entity argument', () => {
    const spec = applyEdit(parsePreview(created)!.spec, 1, 'guests');
    assert.deepEqual(entityFromSpec(spec), {
      name: 'Cabin',
      attributes: [
        { name: 'name', type: 'str', required: true },
        { name: 'guests', type: 'int', required: true },
        { name: 'weight', type: 'float', required: false },
      ],
      relationships: [{ target: 'Resort', required: true }],
    });
    const many = parsePreview({ ...created, spec: { ...created.spec, relationships: [{ field: 'x', target: 'Tag', kind: 'many_to_many', required: true }] } })!;
    assert.throws(() => entityFromSpec(many.spec), /many-to-many/);
  });
});
