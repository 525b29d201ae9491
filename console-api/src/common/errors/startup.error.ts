/** An expected start failure (port busy, bad config): main prints the message alone, exit 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
