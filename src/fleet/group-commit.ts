// Group commit, for both journals: lines written while a batch is being committed wait, and go in
// the next batch together, so that 40 requests in flight cost one fdatasync (the file) or one
// statement (PostgreSQL), not 40. A batch commits whole or fails whole.

/** A queue of items committed in batches, one batch at a time. */
export class GroupCommit<Item> {
  #queue: { item: Item; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #committing: Promise<void> | undefined;

  /** `commit` writes a batch, and throws the error each of its items is refused with. */
  constructor(private readonly commit: (batch: Item[]) => Promise<void>) {}

  /** Queues `item`; resolves once the batch it went in is committed, rejects with that batch's error. */
  add(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#committing ??= this.#drain();
    });
  }

  /** Resolves once every item queued so far is committed or refused. */
  async settled(): Promise<void> {
    await this.#committing;
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      try {
        await this.commit(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#committing = undefined;
  }
}
