/** A running demo server. */
export interface DemoServer {
  /** e.g. "http://127.0.0.1:41234/" (always ends with "/"). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the demo server; port 0 picks a free one. */
export function startDemoServer(port?: number, host?: string): Promise<DemoServer>;
