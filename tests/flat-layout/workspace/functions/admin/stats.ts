export default async function stats(req: Request): Promise<Response> {
  return Response.json({ users: 3 });
}
