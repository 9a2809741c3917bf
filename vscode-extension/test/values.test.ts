import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asRecord, errorMessage } from '../src/core/values';

describe('asRecord', () => {
  it('takes any non-null object, arrays included, and nothing else', () => {
    assert.deepEqual(asRecord({ a: 1 }), { a: 1 });
    assert.deepEqual(asRecord([1]), [1]);
    assert.equal(asRecord(null), undefined);
    assert.equal(asRecord('text'), undefined);
  });
});

describe('errorMessage', () => {
  it("gives an Error's message, else the value as text", () => {
    assert.equal(errorMessage(new Error('no python')), 'no python');
    assert.equal(errorMessage('timed out'), 'timed out');
  });
});
