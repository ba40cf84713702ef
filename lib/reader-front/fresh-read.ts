// Shared reads that are never stale for the one who waits on them.
//
// Every reader request needs the current reader version (a counter the
// database bumps whenever anything readers see changes). Reading it once per
// request costs a database round trip each; sharing one read among requests
// must not give any of them a value older than its own arrival — else a
// reader could be served a page from before a withdrawal that had already
// committed when they asked. The rule: a request is answered with a read that
// started after the request arrived. A request arriving while no read is
// running starts one; requests arriving while a read runs wait for the next
// one, which starts as soon as the running one ends and serves all of them.
// So at most one read is in flight, and one round trip serves every request
// that arrived during the previous one.

export class FreshRead<T> {
  /** The read under way, if any. */
  private running: Promise<T> | null = null;
  /** The read that starts when the running one ends, shared by everyone who asked meanwhile. */
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /** A value read by a read that started after this call. */
  get(): Promise<T> {
    if (this.next) return this.next; // not started yet: it starts after now
    if (!this.running) return this.start();
    const go = () => {
      this.next = null;
      return this.start();
    };
    this.next = this.running.then(go, go);
    return this.next;
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}
