import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ATTRIBUTE_TYPES,
  filesToOpen,
  parseScaffoldResult,
  scaffoldFromEntity,
  scaffoldFromSentence,
  validateAttributeName,
  validateEntityName,
} from '../src/core/scaffold';

describe('names', () => {
  it('accepts identifiers and refuses what cannot become a Python name, table or file', () => {
    assert.equal(validateEntityName('Book'), undefined);
    assert.equal(validateEntityName('course_enrollment'), undefined);
    assert.match(validateEntityName('') ?? '', /Enter the entity name/);
    assert.match(validateEntityName('../../etc') ?? '', /cannot be a entity name|cannot be an? entity name/);
    assert.match(validateEntityName('class') ?? '', /cannot be/);
    assert.match(validateEntityName('2books') ?? '', /cannot be/);
    assert.match(validateEntityName('a'.repeat(65)) ?? '', /at most 64/);
  });

  it('treats an empty attribute name as "done", and refuses id and duplicates', () => {
    assert.equal(validateAttributeName('', []), undefined);
    assert.equal(validateAttributeName('title', []), undefined);
    assert.match(validateAttributeName('id', []) ?? '', /reserved/);
    assert.match(validateAttributeName('title', ['title']) ?? '', /already/);
    assert.match(validateAttributeName('x; import os', []) ?? '', /cannot be/);
  });
});

describe('types', () => {
  it('offers the seven template types', () => {
    assert.deepEqual(ATTRIBUTE_TYPES.map((entry) => entry.type), ['str', 'int', 'float', 'bool', 'date', 'datetime', 'email']);
  });
});

describe('scaffold arguments', () => {
  it('builds the sentence form with the folder', () => {
    assert.deepEqual(scaffoldFromSentence('  add a Book with title  ', 'file:///ws'), {
      request: 'add a Book with title',
      folder_uri: 'file:///ws',
      dry_run: false,
    });
    assert.throws(() => scaffoldFromSentence('   ', undefined), /empty/);
  });

  it('builds the entity form as the server contract names it', () => {
    const args = scaffoldFromEntity(
      {
        name: 'Book',
        attributes: [{ name: 'title', type: 'str', required: true }],
        relationships: [{ target: 'Author', required: true }],
      },
      'file:///ws',
    );
    assert.deepEqual(args, {
      entity: { name: 'Book', attributes: [{ name: 'title', type: 'str', required: true }], relationships: [{ target: 'Author', required: true }] },
      folder_uri: 'file:///ws',
      dry_run: false,
    });
    assert.throws(() => scaffoldFromEntity({ name: 'bad name', attributes: [], relationships: [] }, undefined), /cannot be/);
  });

  it('omits the folder when there is none', () => {
    assert.equal('folder_uri' in scaffoldFromSentence('add a Book', undefined), false);
  });
});

describe('parseScaffoldResult', () => {
  it('reads files and notes', () => {
    const result = parseScaffoldResult({ files: ['file:///ws/models/book.py', 3], notes: ['created', { n: 1 }] });
    assert.deepEqual(result, { entity: undefined, files: ['file:///ws/models/book.py'], notes: ['created', '{"n":1}'] });
    assert.equal(parseScaffoldResult({ entity: 'Book', files: [], notes: [], applied: true }).entity, 'Book');
  });

  it('reports an edit VS Code refused', () => {
    assert.throws(() => parseScaffoldResult({ files: ['file:///ws/a.py'], applied: false, failure_reason: 'file exists' }), /did not apply the generated files \(file exists\)/);
    assert.throws(() => parseScaffoldResult({ files: [], applied: false }), /no reason given/);
  });

  it('refuses an answer without files', () => {
    assert.throws(() => parseScaffoldResult(null), /unexpected answer/);
    assert.throws(() => parseScaffoldResult({ notes: [] }), /no "files"/);
  });

  it('opens at most the limit', () => {
    assert.deepEqual(filesToOpen(['a', 'b', 'c'], 2), ['a', 'b']);
    assert.deepEqual(filesToOpen(['a'], -1), []);
  });
});
