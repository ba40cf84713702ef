// What a server process does before it serves: open the database (taking the
// data-directory lock for PGlite), migrate, and load the demo on an empty database.
import { configFromEnv, dataDir, getDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { loadDemo } from "@/lib/demo/load-demo";

export async function prepareDatabase(options: { demo: boolean; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  const handle = await getDbHandle();
  await migrateDb(handle);
  const config = configFromEnv();
  log(config.kind === "pg" ? `[cms] database: PostgreSQL (DATABASE_URL)` : `[cms] database: embedded PGlite in ${dataDir()}`);
  if (!options.demo) return;
  const credentials = await loadDemo({ password: process.env.DEMO_PASSWORD || undefined });
  if (!credentials) return;
  const lines = [
    "[cms] Loaded the demo: 山东脱贫攻坚简报 2017年第88期 (总第225期).",
    "[cms] Demo sign-ins (shown once — note them now):",
    ...credentials.map((c) => `[cms]   ${c.email.padEnd(22)} ${c.role.padEnd(12)} ${c.password}`),
  ];
  lines.forEach(log);
}

/** Server start-up: a database that cannot be opened or migrated stops the start with a clear message. */
export async function startServer() {
  try {
    await prepareDatabase({ demo: process.env.DEMO !== "0" });
  } catch (e) {
    console.error(`\n[cms] Cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  startScheduler();
  const { closeDb } = await import("@/db");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      closeDb().finally(() => process.exit(0));
    });
  }
}

/**
 * The app's own scheduler for 定时发布 and the 约稿 reminders: no outside
 * cron. Every instance runs it; runDueSchedules claims each due issue with
 * SKIP LOCKED, so an issue is published exactly once however many instances
 * there are, and sendCommissionReminders claims each commission's unit with a
 * conditional update, so each unit is reminded once.
 */
export function startScheduler(intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS || 15_000)) {
  const g = globalThis as unknown as { __cmsScheduler?: ReturnType<typeof setInterval> };
  if (g.__cmsScheduler || intervalMs <= 0) return;
  let running = false;
  g.__cmsScheduler = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { systemViewer } = await import("@/lib/auth/permissions");
      // Each job on its own: one failing does not hold up the other.
      const jobs: [string, () => Promise<void>][] = [
        [
          "publishing",
          async () => {
            const { runDueSchedules } = await import("@/lib/issues/lifecycle");
            const published = await runDueSchedules(systemViewer("scheduler"));
            if (published.length) console.log(`[cms] scheduler published issue(s) ${published.join(", ")}`);
          },
        ],
        [
          "commission reminders",
          async () => {
            const { sendCommissionReminders } = await import("@/lib/commissions/commissions");
            const reminded = await sendCommissionReminders(systemViewer("scheduler"), new Date());
            if (reminded.length) console.log(`[cms] scheduler reminded ${reminded.length} unit(s) of a 约稿 deadline`);
          },
        ],
      ];
      for (const [name, job] of jobs) {
        try {
          await job();
        } catch (e) {
          console.error(`[cms] scheduler (${name}):`, (e as Error).message);
        }
      }
    } finally {
      running = false;
    }
  }, intervalMs);
  g.__cmsScheduler.unref();
}
