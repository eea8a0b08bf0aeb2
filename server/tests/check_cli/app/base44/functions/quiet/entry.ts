// Never serves: a missing-serve error on the first line.
export const unused = 1;
