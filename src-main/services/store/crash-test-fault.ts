/**
 * A fault point for the crash harness (tests/crash): with PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE=n
 * the process kills itself (SIGKILL) right after its n-th article write has renamed the files into place
 * and before their catalog rows are appended: a moment that kills at random times hit too rarely to test.
 * Inert, one comparison per write, when the variable is not set (it never is outside that harness).
 */
const killAfter = Number(process.env.PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE) || 0;
let written = 0;

export function afterArticleWrite(): void {
  if (killAfter > 0 && ++written === killAfter) process.kill(process.pid, 'SIGKILL');
}
