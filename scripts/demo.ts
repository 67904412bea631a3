/**
 * `npm run demo`: migrate + seed + build + start on :3000. Embedded PGlite unless DATABASE_URL is set.
 * Generates and keeps an AUTH_SECRET in .data/ so sessions survive a restart of the demo.
 */
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/demo";

const root = path.resolve(__dirname, "..");
const dataDir = path.join(root, ".data");
mkdirSync(dataDir, { recursive: true });

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const env = { ...process.env, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true", PORT: process.env.PORT ?? "3000" };

function run(script: string) {
  console.log(`\n▶ npm run ${script}`);
  const r = spawnSync("npm", ["run", script], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run("db:seed"); // applies migrations first
run("build");

const port = env.PORT;
console.log(`\nStride Clinic is starting on http://localhost:${port}`);
console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in .data/pglite"}`);
console.log("Demo logins (password for both: " + DEMO_PASSWORD + "):");
for (const l of DEMO_LOGINS) console.log(`  ${l.role}: ${l.email}`);

const server = spawn("npm", ["start"], { cwd: root, env, stdio: "inherit" });
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));
