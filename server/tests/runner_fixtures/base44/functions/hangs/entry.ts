// Never answers; starts a child process, so a run that is stopped must stop it too.
// With `pidFile` in the payload it also writes the two pids there, for runs whose logs are lost.
Deno.serve(async (req) => {
  const { pidFile } = await req.json();
  const child = new Deno.Command("sleep", { args: ["60"] }).spawn();
  const pids = `pids ${Deno.pid} ${child.pid}`;
  console.log(pids);
  if (typeof pidFile === "string") await Deno.writeTextFile(pidFile, pids);
  return new Promise<Response>(() => {});
});
