/**
 * Scripted sign-in, the way the form does it: GET /api/auth/csrf, then POST the credentials to
 * /api/auth/callback/credentials. Returns the Cookie header value that carries the session.
 */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
  });
  const session = cookiesOf(res).find((c) => /authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return session;
}

/** Signs several people in, a few at a time (argon2 verification is deliberately slow). */
export async function signInMany(baseUrl: string, emails: string[], password: string, parallel = 4): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const queue = [...emails];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let e = queue.shift(); e; e = queue.shift()) out.set(e, await signIn(baseUrl, e, password));
    }),
  );
  return out;
}
