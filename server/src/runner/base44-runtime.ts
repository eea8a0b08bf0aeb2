// base44-lsp function runner: the local `base44:runtime` module, as `base44 dev` provides it.
// It delegates to the bridge the runner's wrapper installs on globalThis before the function loads.

interface Base44Bridge {
  waitUntil(promise: Promise<unknown>): void;
  secrets: { get(name: string): string | undefined };
}

function bridge(): Base44Bridge {
  const installed = (globalThis as { Base44?: Base44Bridge }).Base44;
  if (!installed) {
    throw new Error("base44:runtime is only available inside a backend function.");
  }
  return installed;
}

export const secrets = {
  get(name: string): string | undefined {
    return bridge().secrets.get(name);
  },
};

// Returns the same promise, so it composes, as the deployed module's does.
export function waitUntil<T>(promise: Promise<T>): Promise<T> {
  bridge().waitUntil(promise);
  return promise;
}
