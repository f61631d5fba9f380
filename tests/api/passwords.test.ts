// Passwords: a person changes their own with the current one (every other session ends, theirs is
// re-issued); an admin sets anyone else's, which ends that person's sessions. API keys stay.
import { describe, expect, it } from "vitest";
import { sessionUserSchema } from "@/server/auth/schema";
import { staffUserSchema } from "@/server/staff/schema";
import { TEST_ADMIN } from "../support/app";
import { api, asSession, basicAuth, signIn } from "../support/api";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const status = async (headers: Record<string, string>) => (await api("GET", "/api/v1/calls?limit=1", undefined, headers)).status;

async function newStaff(password: string) {
  const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const email = `password-${unique()}@callboard.test`;
  const created = await api(
    "POST",
    "/api/v1/users",
    { email, name: "Pia Password", role: "staff", password },
    asSession(admin.jar),
  );
  expect(created.status).toBe(201);
  return { id: created.body.id as string, email, admin: asSession(admin.jar) };
}

describe("changing your own password", () => {
  it("needs the current password, ends every other session, and re-issues this one", async () => {
    const oldPassword = "the-old-password-1";
    const newPassword = "the-new-password-2";
    const { email } = await newStaff(oldPassword);
    const here = await signIn(email, oldPassword);
    const elsewhere = await signIn(email, oldPassword);
    const key = await api("POST", "/api/v1/api-keys", { name: "survives password changes" }, asSession(here.jar));
    const keyAuth = { authorization: basicAuth(key.body.username, key.body.password) };

    const wrong = await api("PUT", "/api/v1/session/password", { currentPassword: "not-it", newPassword }, asSession(here.jar));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([{ path: "currentPassword", message: "That is not your current password." }]);
    const short = await api(
      "PUT",
      "/api/v1/session/password",
      { currentPassword: oldPassword, newPassword: "short" },
      asSession(here.jar),
    );
    expect(short.status).toBe(422);
    expect(short.body.error.details[0].path).toBe("newPassword");
    expect(await status(asSession(elsewhere.jar))).toBe(200);

    const changed = await api(
      "PUT",
      "/api/v1/session/password",
      { currentPassword: oldPassword, newPassword },
      asSession(here.jar),
    );
    expect(changed.status).toBe(200);
    expect(sessionUserSchema.parse(changed.body).email).toBe(email);
    const fresh = (changed.headers.get("set-cookie") ?? "").split(";")[0];
    expect(fresh).toMatch(/^cb_session=/);
    expect(fresh).not.toBe(here.jar);

    expect(await status(asSession(fresh))).toBe(200);
    expect(await status(asSession(elsewhere.jar))).toBe(401);
    // A copy of the cookie that made the change is no use either.
    expect(await status(asSession(here.jar))).toBe(401);
    expect((await signIn(email, oldPassword)).status).toBe(401);
    expect((await signIn(email, newPassword)).status).toBe(200);
    expect(await status(keyAuth)).toBe(200);
  });

  it("is for dashboard sessions only, and checks where the request comes from", async () => {
    const bootstrap = await api("PUT", "/api/v1/session/password", { currentPassword: "x", newPassword: "y".repeat(12) });
    expect(bootstrap.status).toBe(403);
    const { email } = await newStaff("cross-site-password");
    const session = await signIn(email, "cross-site-password");
    const crossSite = await api(
      "PUT",
      "/api/v1/session/password",
      { currentPassword: "cross-site-password", newPassword: "attacker-chosen-1" },
      { ...asSession(session.jar), origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect((await signIn(email, "cross-site-password")).status).toBe(200);
  });
});

describe("an admin sets someone's password", () => {
  it("ends that person's sessions; the new password signs in; their keys stay", async () => {
    const { id, email, admin } = await newStaff("forgotten-password-1");
    const theirs = await signIn(email, "forgotten-password-1");
    const key = await api("POST", "/api/v1/api-keys", { name: "kept on reset" }, asSession(theirs.jar));
    const keyAuth = { authorization: basicAuth(key.body.username, key.body.password) };

    const reset = await api("PUT", `/api/v1/users/${id}/password`, { password: "admin-chosen-password" }, admin);
    expect(reset.status).toBe(200);
    expect(staffUserSchema.strict().parse(reset.body).email).toBe(email);
    expect(await status(asSession(theirs.jar))).toBe(401);
    expect((await signIn(email, "forgotten-password-1")).status).toBe(401);
    expect((await signIn(email, "admin-chosen-password")).status).toBe(200);
    expect(await status(keyAuth)).toBe(200);
  });

  it("is for admins, not for their own password, and validates the password and the id", async () => {
    const { id, email, admin } = await newStaff("staff-cannot-reset");
    const staff = await signIn(email, "staff-cannot-reset");
    const adminId = (await api("GET", "/api/v1/session", undefined, admin)).body.id as string;
    const byStaff = await api("PUT", `/api/v1/users/${adminId}/password`, { password: "taken-over-admin" }, asSession(staff.jar));
    expect(byStaff.status).toBe(403);
    const own = await api("PUT", `/api/v1/users/${adminId}/password`, { password: "no-current-needed" }, admin);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/Account page/);
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
    const short = await api("PUT", `/api/v1/users/${id}/password`, { password: "short" }, admin);
    expect(short.status).toBe(422);
    expect(short.body.error.details[0]).toEqual({ path: "password", message: "The password must be at least 12 characters." });
    const missing = await api(
      "PUT",
      "/api/v1/users/123e4567-e89b-12d3-a456-000000000000/password",
      { password: "x".repeat(12) },
      admin,
    );
    expect(missing.status).toBe(404);
    expect((await api("PUT", `/api/v1/users/${id}/password`, { password: "x".repeat(12) })).status).toBe(403);
  });
});
