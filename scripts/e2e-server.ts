/**
 * Starts the production build for Playwright on a database of its own: a fresh PostgreSQL database
 * when DATABASE_URL is set (dropped again on exit), otherwise a fresh PGlite directory; and a real
 * SMTP server (scripts/mail-sink.ts) whose messages the specs read (e2e/mailbox.ts).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { startMailSink } from "./mail-sink";
import { mailboxFile } from "../e2e/mailbox-file";

const root = path.resolve(__dirname, "..");
const port = process.env.E2E_PORT ?? "3211";
const stamp = `${Date.now()}_${process.pid}`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Databases of earlier runs whose server was killed before it could drop them (named …_<pid>). */
async function dropOrphans(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'stride_e2e_%'`);
  for (const { datname } of rows) {
    const pid = Number(/_(\d+)$/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

async function prepare(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `stride_e2e_${stamp}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await dropOrphans(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = path.join(root, ".data", `e2e-${stamp}`);
  return { env: { PGLITE_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function main() {
  const { env: dbEnv, cleanup: dropDb } = await prepare();
  // a real SMTP server: the app sends through it, and the specs read what it received from a file
  const mailbox = mailboxFile(port);
  rmSync(mailbox, { force: true });
  const sink = await startMailSink({ file: mailbox });
  const cleanup = async () => {
    await sink.close();
    await dropDb();
  };
  const env = {
    ...process.env,
    ...dbEnv,
    SMTP_URL: sink.url,
    MAIL_FROM: "Stride Clinic e2e <no-reply@example.com>",
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    PORT: port,
  };
  // the demo clinic, then a clinic of 500 athletes with open alerts for the triage spec
  for (const script of ["scripts/seed/index.ts", "scripts/seed/triage.ts"]) {
    const seed = spawn("npx", ["tsx", "--conditions=react-server", script], { cwd: root, env, stdio: "inherit" });
    const seedCode: number = await new Promise((r) => seed.on("exit", (c) => r(c ?? 1)));
    if (seedCode !== 0) {
      await cleanup();
      process.exit(seedCode);
    }
  }
  const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await cleanup().catch((e) => console.error("[e2e-server] cleanup failed:", e.message));
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
