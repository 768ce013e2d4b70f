/**
 * Measures how long at least one request was waiting on AWS, so a report can tell the time spent waiting
 * on the service from lexguard's own work (concurrent requests overlap, so their durations cannot be added).
 */
export class InFlightClock {
  private inFlight = 0;
  private since = 0;
  private waited = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  enter(): void {
    if (this.inFlight++ === 0) this.since = this.now();
  }

  leave(): void {
    if (--this.inFlight === 0) this.waited += this.now() - this.since;
  }

  /** Milliseconds during which at least one request was in flight. */
  get waitingMs(): number {
    return this.inFlight > 0 ? this.waited + this.now() - this.since : this.waited;
  }
}
