export default async function (req: Request) { return Response.json({ inStock: true }); }
