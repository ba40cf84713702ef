// Counts the SQL statements a piece of code sends, by wrapping the driver
// client under the process-wide Drizzle database (PGlite's `query`/`exec`, or
// node-postgres's pool `query` and the clients it hands out for
// transactions). For tests that guard against N+1 query patterns.
import type { Db } from "@/db";

type Fn = (...args: unknown[]) => unknown;
type Queryable = { query: Fn; exec?: Fn; connect?: Fn; transaction?: Fn };

export interface QueryCounter {
  /** Statements sent since the last reset. */
  readonly count: number;
  /** The statements' SQL text since the last reset. */
  readonly statements: string[];
  reset: () => void;
  /** Runs `fn` and answers its result with the number of statements it sent. */
  measure: <T>(fn: () => Promise<T>) => Promise<{ result: T; queries: number; statements: string[] }>;
  /** Puts the driver back as it was. */
  restore: () => void;
}

const sqlText = (arg: unknown) => (typeof arg === "string" ? arg : ((arg as { text?: string } | undefined)?.text ?? String(arg)));

/** Installs a counter on the client of `db` (a database made by openDb or createTestDb). */
export function countQueries(db: Db): QueryCounter {
  const client = (db as unknown as { $client: Queryable }).$client;
  let statements: string[] = [];
  const restores: (() => void)[] = [];
  const wrap = (target: Queryable, method: "query" | "exec") => {
    const original = target[method];
    if (typeof original !== "function") return;
    target[method] = function (this: unknown, ...args: unknown[]) {
      statements.push(sqlText(args[0]));
      return original.apply(this, args);
    };
    restores.push(() => {
      target[method] = original;
    });
  };
  wrap(client, "query");
  wrap(client, "exec");
  // PGlite: a transaction's statements go through the `tx` it hands to the callback.
  if (typeof client.transaction === "function") {
    const transaction = client.transaction;
    client.transaction = function (this: unknown, callback: unknown, ...rest: unknown[]) {
      return transaction.call(
        this,
        (tx: Queryable) => {
          for (const method of ["query", "exec"] as const) {
            const original = tx[method];
            if (typeof original === "function") {
              tx[method] = (...args: unknown[]) => {
                statements.push(sqlText(args[0]));
                return original.apply(tx, args);
              };
            }
          }
          return (callback as Fn)(tx);
        },
        ...rest,
      );
    } as Fn;
    restores.push(() => {
      client.transaction = transaction;
    });
  }
  // node-postgres: a transaction runs on a client checked out of the pool.
  if (typeof client.connect === "function" && !("exec" in client)) {
    const connect = client.connect;
    const seen = new WeakSet<object>();
    client.connect = function (this: unknown, ...args: unknown[]) {
      // pool.query checks out its client with a callback (already counted above).
      if (args.length) return connect.apply(this, args);
      return (connect.apply(this, args) as Promise<Queryable>).then((c) => {
        if (!seen.has(c)) {
          seen.add(c);
          wrap(c, "query");
        }
        return c;
      });
    };
    restores.push(() => {
      client.connect = connect;
    });
  }
  return {
    get count() {
      return statements.length;
    },
    get statements() {
      return [...statements];
    },
    reset: () => {
      statements = [];
    },
    measure: async (fn) => {
      statements = [];
      const result = await fn();
      const taken = statements;
      statements = [];
      return { result, queries: taken.length, statements: taken };
    },
    restore: () => restores.splice(0).reverse().forEach((r) => r()),
  };
}
