// Date.now() costs ~100 ns here, as much as the whole per-packet budget. libpcap hands packets
// over in batches inside one I/O callback, so one reading per batch is as precise as cap allows
// (it passes no timestamps): the first packet reads the clock, a setImmediate marks it stale.
export class BatchClock {
  private fresh = false;
  private now = 0;
  private readonly expire = () => {
    this.fresh = false;
  };

  read(): number {
    if (!this.fresh) {
      this.now = Date.now();
      this.fresh = true;
      setImmediate(this.expire);
    }
    return this.now;
  }
}
