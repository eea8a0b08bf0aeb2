// Reads a secret through `base44:runtime`, as deployed functions do.
import { secrets, waitUntil } from "base44:runtime";

export default async function (): Promise<Response> {
  const later = waitUntil(Promise.resolve("done"));
  return Response.json({ secret: secrets.get("GREETING_SECRET") ?? null, later: await later });
}
