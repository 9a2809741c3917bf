import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFixAll } from '../src/core/fixAll';

describe('describeFixAll', () => {
  it('lists what was fixed, grouped by rule', () => {
    assert.equal(describeFixAll({ applied: true, fixed: ['DB001', 'ST002', 'DB001'], skipped: 0 }), 'BAES: fixed 3 findings (DB001 ×2, ST002).');
    assert.equal(describeFixAll({ applied: true, fixed: ['DB001'], skipped: 2 }), 'BAES: fixed 1 finding (DB001). 2 left for you (unsafe fixes, or no automatic fix).');
  });

  it('says when nothing could be fixed, or the editor refused the edit', () => {
    assert.equal(describeFixAll({ applied: false, fixed: [], skipped: 1 }), 'BAES: nothing to fix automatically in this file. 1 left for you (unsafe fixes, or no automatic fix).');
    assert.equal(describeFixAll({ applied: false, fixed: ['DB001'], skipped: 0 }), 'BAES: nothing to fix automatically in this file.');
    assert.equal(describeFixAll(null), 'BAES: nothing to fix automatically in this file.');
  });
});
