// Agents and skills: create a skill, create an agent with it (after the form catches a bad e-mail),
// edit both, deactivate and reactivate both, checking the API after every step; a11y and 390px.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

type Skill = { id: string; name: string; description: string; active: boolean };
type Agent = {
  id: string;
  name: string;
  lastname: string;
  email: string | null;
  phone: string | null;
  roleText: string;
  active: boolean;
  skills: Skill[];
};

async function findOne<T extends { name: string }>(api: APIRequestContext, path: string, name: string): Promise<T> {
  const res = await api.get(`${path}?q=${encodeURIComponent(name)}`);
  expect(res.status()).toBe(200);
  const items = ((await res.json()) as T[]).filter((i) => i.name === name);
  expect(items).toHaveLength(1);
  return items[0];
}

async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(path);
  expect(res.status()).toBe(200);
  return res.json();
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(client);
}

test("agents and skills: create, validate, edit, deactivate and reactivate", async ({ signedInPage: page, api }) => {
  const suffix = Date.now().toString(36);
  const skillName = `Warranty claims ${suffix}`;
  const firstName = `Zoe${suffix}`;
  const agentName = `${firstName} Okafor`;
  let skill: Skill;
  let agent: Agent;

  await test.step("create a skill through the form", async () => {
    await page.goto("/skills");
    await expect(page.getByRole("heading", { level: 1, name: "Skills" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Order notifications" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "New skill" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New skill" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(skillName);
    await page.getByLabel("Description").fill("Handle warranty questions.");
    await page.getByRole("button", { name: "Create skill" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved skill “${skillName}”.` })).toBeVisible();
    await expect(page).toHaveURL(/\/skills\?saved=/);
    skill = await findOne<Skill>(api, "/api/v1/skills", skillName);
    expect(skill).toMatchObject({ description: "Handle warranty questions.", active: true });
  });

  await test.step("the agent form shows an invalid e-mail inline and sends nothing", async () => {
    await page.goto("/agents");
    await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ava Thompson" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "New agent" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New agent" })).toBeVisible();
    await page.getByLabel("First name").fill(firstName);
    await page.getByLabel("Last name").fill("Okafor");
    await page.getByLabel("Email", { exact: true }).fill("zoe-at-example");
    await page.getByRole("button", { name: "Create agent" }).click();
    await expect(page.getByText("Enter a valid e-mail address, e.g. jane@example.com.")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
    const list = await getJson<Agent[]>(api, `/api/v1/agents?q=${firstName}`);
    expect(list).toEqual([]);
  });

  await test.step("create the agent with the new skill", async () => {
    await page.getByLabel("Email", { exact: true }).fill("zoe@example.com");
    await page.getByLabel("Phone").fill("+14155550987");
    await page.getByLabel("Capabilities").fill("warranty lookup\nreturns");
    await page.getByRole("checkbox", { name: skillName }).check();
    await page.getByRole("button", { name: "Create agent" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved agent “${agentName}”.` })).toBeVisible();
    agent = await findOne<Agent>(api, "/api/v1/agents", firstName);
    expect(agent).toMatchObject({ lastname: "Okafor", email: "zoe@example.com", phone: "+14155550987", active: true });
    expect(agent.skills.map((s) => s.id)).toEqual([skill.id]);
  });

  await test.step("find and edit the agent: a role, and the phone cleared", async () => {
    await page.getByLabel("Search agents").fill(firstName);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${firstName}`));
    await expect(page.getByRole("link", { name: "Ava Thompson" })).toBeHidden();
    await page.getByRole("link", { name: agentName }).click();
    await expect(page.getByRole("heading", { level: 1, name: agentName })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: skillName })).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel("Role").fill("Warranty specialist");
    await page.getByLabel("Phone").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved agent “${agentName}”.` })).toBeVisible();
    agent = await getJson<Agent>(api, `/api/v1/agents/${agent.id}`);
    expect(agent).toMatchObject({ roleText: "Warranty specialist", phone: null, email: "zoe@example.com" });
    expect(agent.skills.map((s) => s.id)).toEqual([skill.id]);
  });

  await test.step("deactivate and reactivate the agent", async () => {
    await page.goto(`/agents/${agent.id}`);
    await page.getByRole("button", { name: "Deactivate agent" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deactivated “${agentName}”.` })).toBeVisible();
    expect((await getJson<Agent>(api, `/api/v1/agents/${agent.id}`)).active).toBe(false);
    await page.getByRole("button", { name: "Activate agent" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Activated “${agentName}”.` })).toBeVisible();
    expect((await getJson<Agent>(api, `/api/v1/agents/${agent.id}`)).active).toBe(true);
  });

  await test.step("the skill's page lists the agent; edit the skill", async () => {
    await page.goto("/skills");
    await page.getByLabel("Search skills").fill(suffix);
    // The search updates the URL once typing pauses; a click before that would be undone by it.
    await expect(page).toHaveURL(new RegExp(`[?&]q=${suffix}`));
    await expect(page.getByRole("link", { name: "Order notifications" })).toBeHidden();
    await page.getByRole("link", { name: skillName }).click();
    await expect(page.getByRole("heading", { level: 1, name: skillName })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Agents with this skill" }).getByRole("link", { name: agentName }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("name must not be empty.")).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(skillName);
    await page.getByLabel("Description").fill("Warranty questions and repairs.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Saved skill “${skillName}”.` })).toBeVisible();
    expect((await getJson<Skill>(api, `/api/v1/skills/${skill.id}`)).description).toBe("Warranty questions and repairs.");
  });

  await test.step("deactivate and reactivate the skill", async () => {
    await page.goto(`/skills/${skill.id}`);
    await page.getByRole("button", { name: "Deactivate skill" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deactivated “${skillName}”.` })).toBeVisible();
    expect((await getJson<Skill>(api, `/api/v1/skills/${skill.id}`)).active).toBe(false);
    await page.getByRole("button", { name: "Activate skill" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Activated “${skillName}”.` })).toBeVisible();
    expect((await getJson<Skill>(api, `/api/v1/skills/${skill.id}`)).active).toBe(true);
  });

  await test.step("at 390px wide nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, heading] of [
      ["/agents", "Agents"],
      [`/agents/${agent.id}`, agentName],
      ["/skills", "Skills"],
      [`/skills/${skill.id}`, skillName],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(/Loading/)).toHaveCount(0);
      await expectNoHorizontalOverflow(page);
    }
  });
});
