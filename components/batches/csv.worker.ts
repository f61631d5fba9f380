// Parses an uploaded CSV off the main thread, so a 10 MB file does not freeze the page.
import { parseCsvText } from "@/server/batches/csv-import";

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(parseCsvText(event.data));
};
