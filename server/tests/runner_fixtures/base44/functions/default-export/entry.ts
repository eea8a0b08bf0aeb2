// The shape the deployed runtime prefers: a default-exported handler.
export default async function (req: Request): Promise<Response> {
  const { name } = await req.json();
  console.log(`greeting ${name}`);
  return new Response(JSON.stringify({ greeting: `Hello, ${name}!` }), {
    status: 201,
    headers: { "content-type": "application/json", "x-greeter": "default-export" },
  });
}
