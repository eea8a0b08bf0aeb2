// Tries what a local run may and may not do, and answers what happened to each attempt.
Deno.serve(async (req) => {
  const { read, write } = await req.json();
  const attempt = async (action: () => Promise<unknown>) => {
    try {
      await action();
      return "allowed";
    } catch (error) {
      return (error as Error).name;
    }
  };
  return Response.json({
    read: await attempt(() => Deno.readTextFile(read)),
    write: await attempt(() => Deno.writeTextFile(write, "x")),
    env: await attempt(async () => Deno.env.get("HOME")),
  });
});
