import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOutcome, formatServerState, parseFileOutcome } from '../src/core/outcome';

const notification = {
  uri: 'file:///ws/routes.py',
  version: 4,
  outcome: 'confident_rejection',
  confidence: 0.853,
  swea_type: 'backend',
  counts: { error: 2, warning: 1, info: 0, hint: 0 },
};

describe('parseFileOutcome', () => {
  it('reads the notification of the contract', () => {
    assert.deepEqual(parseFileOutcome(notification), {
      uri: 'file:///ws/routes.py',
      version: 4,
      outcome: 'confident_rejection',
      confidence: 0.853,
      sweaType: 'backend',
      counts: { error: 2, warning: 1, info: 0, hint: 0 },
    });
  });

  it('clamps the confidence and tolerates missing counts and type', () => {
    const parsed = parseFileOutcome({ uri: 'untitled:Untitled-1', outcome: 'uncertain', confidence: 1.7, swea_type: null });
    assert.equal(parsed?.confidence, 1);
    assert.equal(parsed?.sweaType, null);
    assert.equal(parsed?.version, null);
    assert.deepEqual(parsed?.counts, { error: 0, warning: 0, info: 0, hint: 0 });
  });

  it('refuses anything else', () => {
    assert.equal(parseFileOutcome(null), undefined);
    assert.equal(parseFileOutcome({ ...notification, outcome: 'maybe' }), undefined);
    assert.equal(parseFileOutcome({ ...notification, confidence: 'high' }), undefined);
    assert.equal(parseFileOutcome({ ...notification, uri: 7 }), undefined);
  });
});

describe('formatOutcome', () => {
  it('shows a rejection with its confidence and counts', () => {
    const view = formatOutcome(parseFileOutcome(notification)!);
    assert.equal(view.text, '$(error) BAES: rejected 85%');
    assert.equal(view.kind, 'rejection');
    assert.match(view.tooltip, /rejected with 85% confidence/);
    assert.match(view.tooltip, /SWEA type: backend/);
    assert.match(view.tooltip, /2 errors, 1 warning, 0 info, 0 hints/);
  });

  it('shows approval and uncertainty', () => {
    const approved = formatOutcome(parseFileOutcome({ ...notification, outcome: 'confident_approval', confidence: 0.92 })!);
    assert.equal(approved.text, '$(pass) BAES: approved 92%');
    const uncertain = formatOutcome(parseFileOutcome({ ...notification, outcome: 'uncertain', confidence: 0.5, swea_type: null })!);
    assert.equal(uncertain.text, '$(question) BAES: uncertain 50%');
    assert.match(uncertain.tooltip, /not a recognised/);
  });

  it('shows the server state when there is no outcome', () => {
    assert.equal(formatServerState('starting').text, '$(sync~spin) BAES');
    assert.match(formatServerState('failed', 'python not found').tooltip, /python not found/);
    assert.equal(formatServerState('disabled').kind, 'disabled');
  });
});
