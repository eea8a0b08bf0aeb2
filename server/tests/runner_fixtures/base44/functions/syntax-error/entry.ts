Deno.serve((req) => {
  return new Response("unfinished" ;
});
