import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

// What the server tells the user and its log: a warning shown once (until the settings change,
// when a value still wrong is worth saying again), and every handler's failure reported with
// the error's own message and stack, never the document.

export class ServerLog {
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  warnOnce = (message: string): void => {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    // A notification, not a request: the server needs no answer, and clients that do not
    // implement showMessageRequest still show it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `mtus-lint: ${message}` });
    this.connection.console.warn(message);
  };

  info = (message: string): void => this.connection.console.info(message);

  error = (message: string): void => this.connection.console.error(message);

  /** The settings changed: say again what is still wrong. */
  forgetWarnings(): void {
    this.reported.clear();
  }

  /** A handler that answers `fallback` when it fails, and logs why without the document. */
  guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R | Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await fn(...a);
      } catch (e) {
        this.error(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };
}
