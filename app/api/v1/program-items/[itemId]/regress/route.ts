import { stepRoute } from "../step";

export const dynamic = "force-dynamic";

export const POST = stepRoute("regress");
