import { redirect } from "next/navigation";
import { getScope } from "@/lib/auth/guards";

export default async function Home() {
  const scope = await getScope();
  if (!scope) redirect("/sign-in");
  redirect(scope.role === "athlete" ? "/today" : "/dashboard");
}
