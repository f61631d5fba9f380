// Vitest global setup for the API project: one prepared database and one running app per run.
// TEST_DIALECT picks SQLite (default) or PostgreSQL.
import type { TestProject } from "vitest/node";
import { type Dialect, newDatabase, prepareDatabase, startApp } from "./app";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dialect: Dialect;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dialect = (process.env.TEST_DIALECT ?? "sqlite") as Dialect;
  const db = await newDatabase(dialect);
  prepareDatabase(db.url);
  const app = await startApp(db.url);
  project.provide("baseUrl", app.url);
  project.provide("dialect", dialect);
  project.provide("databaseUrl", db.url);
  return async () => {
    await app.stop();
    await db.drop();
  };
}
