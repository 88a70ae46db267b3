// Chrome's offscreen document does two jobs (clipboard clearing, the KDF Worker) and must stay
// open while either needs it: each job holds it, and it closes when the last one lets go.
export class Holds {
  private readonly held = new Set<string>();
  constructor(private readonly onEmpty: () => void) {}

  acquire(job: string): void {
    this.held.add(job);
  }

  release(job: string): void {
    if (this.held.delete(job) && this.held.size === 0) this.onEmpty();
  }
}
