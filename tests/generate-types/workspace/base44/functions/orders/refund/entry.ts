export default async (req: Request) => Response.json({ refunded: true });
