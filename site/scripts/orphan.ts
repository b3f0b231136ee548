/**
 * A step of the build run by the build's own process (pipeline/cli/site-steps.ts) ends when
 * that process is gone: a build killed at any moment leaves nothing writing behind it.
 */
export function endWithParent(): void {
  const parent = process.ppid;
  // Once the parent has died, this process is another's child.
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 250).unref();
}
