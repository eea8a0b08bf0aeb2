// Never answers; starts a child process, so a run that is stopped must stop it too.
Deno.serve(() => {
  const child = new Deno.Command("sleep", { args: ["60"] }).spawn();
  console.log(`pids ${Deno.pid} ${child.pid}`);
  return new Promise<Response>(() => {});
});
