// A default-exported object with `fetch`, called with the object as `this`.
export default {
  label: "object with fetch",
  fetch(_req: Request): Response {
    return Response.json({ shape: this.label });
  },
};
