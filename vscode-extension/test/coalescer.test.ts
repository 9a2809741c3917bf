import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Coalescer } from '../src/core/coalescer';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('Coalescer', () => {
  it('runs once for one request', async () => {
    let runs = 0;
    const coalescer = new Coalescer(() => {
      runs += 1;
      return Promise.resolve();
    });
    await coalescer.request();
    assert.equal(runs, 1);
    assert.equal(coalescer.busy, false);
  });

  it('folds requests made during a run into one more run', async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    const coalescer = new Coalescer(async () => {
      const gate = gates[runs];
      runs += 1;
      await gate?.promise;
    });
    const first = coalescer.request();
    const waiters = [coalescer.request(), coalescer.request(), coalescer.request()];
    assert.equal(coalescer.busy, true);
    gates[0]?.resolve();
    gates[1]?.resolve();
    await Promise.all([first, ...waiters]);
    assert.equal(runs, 2);
    assert.equal(coalescer.runCount, 2);
  });

  it('starts afresh after it finished', async () => {
    let runs = 0;
    const coalescer = new Coalescer(() => {
      runs += 1;
      return Promise.resolve();
    });
    await coalescer.request();
    await coalescer.request();
    assert.equal(runs, 2);
  });

  it('rejects when the last run failed, and keeps working afterwards', async () => {
    let fail = true;
    const coalescer = new Coalescer(() => (fail ? Promise.reject(new Error('no python')) : Promise.resolve()));
    await assert.rejects(coalescer.request(), /no python/);
    fail = false;
    await coalescer.request();
    assert.equal(coalescer.runCount, 2);
  });

  it('resolves when a failed run is followed by a successful one', async () => {
    const gate = deferred();
    let runs = 0;
    const coalescer = new Coalescer(async () => {
      runs += 1;
      if (runs === 1) {
        await gate.promise;
        throw new Error('first start failed');
      }
    });
    const first = coalescer.request();
    const second = coalescer.request();
    gate.resolve();
    await Promise.all([first, second]);
    assert.equal(runs, 2);
  });
});
