import type { ConsentStore } from "../../../src/store/cookie";

/** The consent store without a cookie jar, as klaro's TestStore: tests read and set `value` directly. */
export interface MemoryStore extends ConsentStore {
  value: string | undefined;
  /** Every value written, oldest first. */
  writes: string[];
  clears: number;
}

export function memoryStore(value?: string): MemoryStore {
  const store: MemoryStore = {
    value,
    writes: [],
    clears: 0,
    read: () => store.value,
    write(next) {
      store.writes.push(next);
      store.value = next;
    },
    clear() {
      store.clears++;
      store.value = undefined;
    },
  };
  return store;
}
