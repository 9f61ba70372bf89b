// A `process` for code that asks for environment variables or the working folder: in a web
// worker there are none (the browser build injects this object as the global `process`).
export const process = {
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  versions: {} as Record<string, string>,
  cwd: () => '/',
  on: () => undefined,
};
