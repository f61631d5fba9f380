// Starts the built app on a fresh SQLite database for the browser tests and tears it down after.
import { newDatabase, prepareDatabase, startApp } from "../tests/support/app";

export default async function globalSetup() {
  const db = await newDatabase("sqlite");
  prepareDatabase(db.url);
  const app = await startApp(db.url);
  process.env.E2E_BASE_URL = app.url;
  // Specs that need a past history (analytics) write it straight into this database.
  process.env.E2E_DATABASE_URL = db.url;
  return async () => {
    await app.stop();
  };
}
