// Knowledge: a team creates a knowledge base, uploads its FAQ, waits for it to be indexed, and sees the
// right passage (with its source's name and a score) in the search preview.
import { expect, expectAccessible, test } from "./fixtures";

const FAQ = `# Returns

You can return any item within 30 days of delivery for a full refund.

# Delivery

Standard delivery takes 2 to 4 working days.
`;

const AGENT_ID = "123e4567-e89b-12d3-a456-426614174000";

test("upload an FAQ and find the right passage in the search preview", async ({ signedInPage: page, api }) => {
  const name = `Help centre ${Date.now().toString(36)}`;

  await test.step("the page says what it is, and is accessible", async () => {
    await page.goto("/knowledge");
    await expect(page.getByRole("heading", { level: 1, name: "Knowledge" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("create a knowledge base", async () => {
    const create = page.getByRole("region", { name: "New knowledge base" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("region", { name: `Sources of ${name}` })).toBeVisible();
  });

  await test.step("upload the FAQ; it is indexed into passages", async () => {
    await page
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "faq.md", mimeType: "text/markdown", buffer: Buffer.from(FAQ) });
    await page.getByRole("button", { name: "Upload" }).click();
    const sources = page.getByRole("region", { name: `Sources of ${name}` });
    const row = sources.getByRole("row").filter({ hasText: "faq.md" });
    await expect(row.getByText("Ready")).toBeVisible({ timeout: 15_000 });
    await expect(row.getByRole("cell").nth(3)).toHaveText("2");
    await expectAccessible(page);
  });

  await test.step("the search preview shows the returns passage first, with its source and score", async () => {
    await page.getByLabel("Question").fill("How long is the return window?");
    await page.getByRole("button", { name: "Search" }).click();
    const first = page.getByRole("list", { name: "Passages found" }).getByRole("listitem").first();
    await expect(first).toContainText("faq.md › Returns");
    await expect(first).toContainText("within 30 days");
    await expect(first).toContainText(/score \d/);
    await expectAccessible(page);
  });

  await test.step("attach it on the agent's page", async () => {
    await page.goto(`/agents/${AGENT_ID}`);
    const section = page.getByRole("region", { name: "Knowledge bases" });
    await section.getByRole("checkbox", { name }).check();
    await section.getByRole("button", { name: "Save knowledge bases" }).click();
    await expect(section.getByRole("status")).toHaveText("Saved.");
    await expectAccessible(page);
    const list = await (await api.get("/api/v1/knowledge-bases?limit=100")).json();
    expect(list.find((kb: { name: string }) => kb.name === name).agentIds).toContain(AGENT_ID);
  });
});
