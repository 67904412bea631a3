import { handlers } from "@/lib/auth";
import { describeWait } from "@/lib/domain/throttle";
import { checkSignIn, signInChecks } from "@/lib/security/sign-in-throttle";

export const { GET } = handlers;

/** A throttled sign-in gets 429 with Retry-After here, before next-auth's generic error redirect. */
export async function POST(request: Request & Parameters<typeof handlers.POST>[0]) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    let email: string | null = null;
    try {
      const form = await request.clone().formData();
      const value = form.get("email");
      email = typeof value === "string" ? value : null;
    } catch {
      // not a form: next-auth answers it
    }
    const decision = await checkSignIn(signInChecks(email, request.headers));
    if (!decision.allowed) {
      return Response.json(
        { error: { message: `Too many failed sign-ins. Try again in ${describeWait(decision.retryAfterSec)}.` } },
        { status: 429, headers: { "retry-after": String(decision.retryAfterSec) } },
      );
    }
  }
  return handlers.POST(request);
}
