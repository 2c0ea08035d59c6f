/**
 * Runs the service's folder work (poll, publish, folder switch) one job at a time: a poll must
 * never read this device's folder between a segment's rename and its entry in device-state.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
