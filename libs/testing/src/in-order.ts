/**
 * Tests that tell one story in order, each building on what the one before left (a job order
 * verified, then a worker matched, then a fee recorded...): `const step = inOrder();` then
 * `step('...', async () => ...)` instead of `it`. Jest runs them in order; once one fails, each
 * later one fails at once saying which step it builds on, instead of timing out or failing with a
 * message about missing state. Use it only where a shared setup would cost more than the story.
 */
export function inOrder(): (name: string, fn: () => Promise<void> | void, timeoutMs?: number) => void {
  let failed: string | undefined;
  return (name, fn, timeoutMs) =>
    it(
      name,
      async () => {
        if (failed !== undefined) throw new Error(`not run: this step builds on "${failed}", which failed`);
        try {
          await fn();
        } catch (error) {
          failed = name;
          throw error;
        }
      },
      timeoutMs,
    );
}
