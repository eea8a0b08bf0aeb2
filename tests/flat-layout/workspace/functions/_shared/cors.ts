// A helper: it serves nothing of its own.
export const cors = { "Access-Control-Allow-Origin": "*" };
