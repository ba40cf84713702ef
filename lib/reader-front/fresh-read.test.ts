import { describe, expect, it } from "vitest";
import { FreshRead } from "./fresh-read";

/** A read whose result the test hands over by hand, counting how many started. */
function manualReads() {
  const started: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject }));
  return { started, read };
}

describe("FreshRead", () => {
  it("starts a read at once when none is running", async () => {
    const { started, read } = manualReads();
    const fresh = new FreshRead(read);
    const a = fresh.get();
    expect(started).toHaveLength(1);
    started[0]!.resolve(1);
    expect(await a).toBe(1);
  });

  it("never answers a request with a read that started before it arrived", async () => {
    const { started, read } = manualReads();
    const fresh = new FreshRead(read);
    const early = fresh.get(); // starts read 0
    const late1 = fresh.get(); // arrives during read 0: must wait for read 1
    const late2 = fresh.get();
    expect(started).toHaveLength(1);
    started[0]!.resolve(10);
    expect(await early).toBe(10);
    await Promise.resolve();
    expect(started).toHaveLength(2); // one read for both late requests
    const later = fresh.get(); // arrives during read 1: waits for read 2
    started[1]!.resolve(11);
    expect(await late1).toBe(11);
    expect(await late2).toBe(11);
    await Promise.resolve();
    expect(started).toHaveLength(3);
    started[2]!.resolve(12);
    expect(await later).toBe(12);
  });

  it("passes a failed read to those waiting on it, and reads again for the next", async () => {
    const { started, read } = manualReads();
    const fresh = new FreshRead(read);
    const a = fresh.get();
    const b = fresh.get();
    started[0]!.reject(new Error("down"));
    await expect(a).rejects.toThrow("down");
    await Promise.resolve();
    started[1]!.reject(new Error("still down"));
    await expect(b).rejects.toThrow("still down");
    const c = fresh.get();
    expect(started).toHaveLength(3);
    started[2]!.resolve(3);
    expect(await c).toBe(3);
  });

  it("keeps at most one read in flight under many requests", async () => {
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const fresh = new FreshRead(async () => {
      reads++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return reads;
    });
    const all = await Promise.all(Array.from({ length: 200 }, (_, i) => new Promise((r) => setTimeout(r, i % 10)).then(() => fresh.get())));
    expect(most).toBe(1);
    expect(reads).toBeLessThan(50);
    expect(all.every((v) => typeof v === "number")).toBe(true);
  });
});
