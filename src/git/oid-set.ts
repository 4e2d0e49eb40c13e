// A set of git object names kept as bytes: a history scan remembers every blob it has seen, and on a
// large repository (millions of blobs) a Set of 40-character strings costs ~100 bytes a name where
// this costs ~40 (20 bytes a name at a load of at most one half).

/** Object names (hex, SHA-1 or SHA-256) in an open-addressing table of their bytes. */
export class OidSet {
  private width = 0;
  private capacity = 0;
  private slots = new Uint8Array(0);
  private used = new Uint8Array(0);
  private count = 0;
  private readonly key = Buffer.alloc(32);

  get size(): number {
    return this.count;
  }

  has(hex: string): boolean {
    if (this.count === 0 || hex.length !== this.width * 2) return false;
    return this.find(this.load(hex)) >= 0;
  }

  /** Adds the name; false if it was there already. */
  add(hex: string): boolean {
    if (this.width === 0) this.width = hex.length / 2;
    if (hex.length !== this.width * 2 || !/^[0-9a-f]+$/i.test(hex)) throw new Error(`not an object name: ${hex.slice(0, 80)}`);
    const key = this.load(hex);
    if (this.count > 0 && this.find(key) >= 0) return false;
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    this.put(key);
    this.count++;
    return true;
  }

  private load(hex: string): Buffer {
    this.key.write(hex, 0, 'hex');
    return this.key;
  }

  /** The slot holding `key`, or -1. Names are hashes already: their first 4 bytes are the hash. */
  private find(key: Uint8Array): number {
    const mask = this.capacity - 1;
    for (let i = this.start(key, 0) & mask; ; i = (i + 1) & mask) {
      if (this.used[i] === 0) return -1;
      if (this.equals(i, key)) return i;
    }
  }

  private put(key: Uint8Array): void {
    const mask = this.capacity - 1;
    let i = this.start(key, 0) & mask;
    while (this.used[i] === 1) i = (i + 1) & mask;
    this.used[i] = 1;
    this.slots.set(key.subarray(0, this.width), i * this.width);
  }

  private start(key: Uint8Array, at: number): number {
    return ((key[at]! << 24) | (key[at + 1]! << 16) | (key[at + 2]! << 8) | key[at + 3]!) >>> 0;
  }

  private equals(slot: number, key: Uint8Array): boolean {
    const base = slot * this.width;
    for (let k = 0; k < this.width; k++) if (this.slots[base + k] !== key[k]) return false;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const oldUsed = this.used;
    const oldCapacity = this.capacity;
    this.capacity = Math.max(1024, oldCapacity * 2);
    this.slots = new Uint8Array(this.capacity * this.width);
    this.used = new Uint8Array(this.capacity);
    for (let i = 0; i < oldCapacity; i++) if (oldUsed[i] === 1) this.put(old.subarray(i * this.width, (i + 1) * this.width));
  }
}
