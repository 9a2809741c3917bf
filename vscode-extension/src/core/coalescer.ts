// Runs an async task so that requests arriving while it runs are folded into one more run:
// ten settings changes during a restart give one restart after it, not ten. Pure.
export class Coalescer {
  private current: Promise<void> | undefined;
  private again = false;
  private runs = 0;

  constructor(private readonly task: () => Promise<void>) {}

  /** Resolves when a run that started after this call has finished. */
  request(): Promise<void> {
    if (this.current !== undefined) {
      this.again = true;
      return this.current;
    }
    this.current = this.loop();
    return this.current;
  }

  /** How many times the task has run (for logs and tests). */
  get runCount(): number {
    return this.runs;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  private async loop(): Promise<void> {
    let failure: unknown;
    let failed: boolean;
    try {
      do {
        this.again = false;
        this.runs += 1;
        try {
          await this.task();
          failed = false;
        } catch (error) {
          failure = error;
          failed = true;
        }
      } while (this.again);
    } finally {
      this.current = undefined;
    }
    if (failed) {
      throw failure;
    }
  }
}
