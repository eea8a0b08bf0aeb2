// Neither Deno.serve nor a default export: this function never answers.
export function helper() {
  return 1;
}
