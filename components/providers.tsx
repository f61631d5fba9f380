"use client";
// React Query for the whole dashboard. Server data lives in this cache, not in component state.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiClientError } from "@/lib/api-client";
import { TRANSIENT_CODES } from "@/lib/connection-status";

const isTransient = (error: unknown) => error instanceof ApiClientError && TRANSIENT_CODES.has(error.code);

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            refetchOnWindowFocus: true,
            // A 4xx will not fix itself; retry only network trouble and 5xx. An unavailable database or a
            // restarting server comes back by itself: keep retrying while the shell's banner says so.
            retry: (count, error) =>
              isTransient(error) ||
              (count < 2 && !(error instanceof ApiClientError && error.status >= 400 && error.status < 500)),
            retryDelay: (count, error) => (isTransient(error) ? 2_000 : Math.min(1_000 * 2 ** count, 10_000)),
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
