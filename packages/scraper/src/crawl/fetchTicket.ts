import type { FetchPath } from "@arqan/shared";

/** One try at one URL, handed to a fetcher. */
export interface FetchTicket {
  /** Unique per try: `<job>#<try>`; the fetchers' queues key on it, so a retry is never taken for a duplicate. */
  id: string;
  url: string;
}

/** What a fetcher brings back for a ticket: a response (any status), or why none came. */
export type FetchOutcome =
  | {
      ok: true;
      path: FetchPath;
      status: number;
      /** The URL after redirects. */
      finalUrl: string;
      contentType: string | null;
      retryAfter: string | null;
      body: string;
      /** Bytes of the body (for the browser: of the rendered HTML). */
      bytes: number;
      ms: number;
    }
  | {
      ok: false;
      path: FetchPath;
      code: "network" | "timeout" | "too_large" | "http_error" | "cancelled";
      message: string;
      status: number | null;
      retryable: boolean;
    };

/** A fetcher: takes tickets, reports each outcome through the callback it was built with. */
export interface PageFetcher {
  fetch(ticket: FetchTicket): Promise<void>;
  /** Lets running tries finish, then stops (closing the browser). */
  close(): Promise<void>;
  /** Stops at once (a cancelled crawl): running tries are abandoned. */
  abort(): Promise<void>;
}

export type OutcomeHandler = (ticket: FetchTicket, outcome: FetchOutcome) => Promise<void>;
