import { redirect } from "next/navigation";
import { getScope, redirectUnsignedIn } from "@/lib/auth/guards";

export default async function Home() {
  const scope = await getScope();
  if (!scope) return redirectUnsignedIn();
  redirect(scope.role === "athlete" ? "/today" : "/dashboard");
}
