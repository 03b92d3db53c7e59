import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { createTask } from "../../app/features/tasks/tasks.server";
import { loader as homeLoader } from "../../app/routes/app._index";
import { action as taskAction, loader as taskLoader } from "../../app/routes/app.tasks.$id";
import { adminRequest, installShop } from "../support/sessions";

const SHOP_A = "alpha-outdoor.myshopify.com";
const SHOP_B = "beta-apparel.myshopify.com";
let taskOfA: string;

beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
  taskOfA = (await createTask(SHOP_A, { kind: "shop.sync-profile", total: 1 })).id;
});

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    (value) => (value instanceof Response ? value.status : 200),
    (error: unknown) => {
      if (error instanceof Response) return error.status;
      throw error;
    },
  );
}

describe("every record belongs to one shop", () => {
  it("GIVEN shop A's task WHEN shop A opens it THEN it is shown", async () => {
    const request = await adminRequest(SHOP_A, `/app/tasks/${taskOfA}`);
    const data = await taskLoader({ request, params: { id: taskOfA }, context: {} });
    expect(data.task.id).toBe(taskOfA);
  });

  it("GIVEN shop A's task id WHEN shop B opens its URL THEN 404, as for an id that does not exist", async () => {
    const request = await adminRequest(SHOP_B, `/app/tasks/${taskOfA}`);
    expect(await statusOf(taskLoader({ request, params: { id: taskOfA }, context: {} }))).toBe(404);
  });

  it("GIVEN shop A's task id WHEN shop B posts a cancel form for it THEN 404 and the task is untouched", async () => {
    const body = new URLSearchParams({ intent: "cancel" });
    const request = await adminRequest(SHOP_B, `/app/tasks/${taskOfA}`, { method: "POST", body });
    const response = await taskAction({ request, params: { id: taskOfA }, context: {} });
    expect(response.status).toBe(404);
    expect((await db().task.findUniqueOrThrow({ where: { id: taskOfA } })).status).toBe("QUEUED");
  });

  it("GIVEN two shops WHEN shop B lists its recent work THEN shop A's tasks are not among them", async () => {
    const data = await homeLoader({
      request: await adminRequest(SHOP_B, "/app"),
      params: {},
      context: {},
    });
    expect(data.tasks.map((task) => task.id)).not.toContain(taskOfA);
  });

  it("GIVEN shop A WHEN it cancels its own queued task THEN the task is cancelled", async () => {
    const body = new URLSearchParams({ intent: "cancel" });
    const request = await adminRequest(SHOP_A, `/app/tasks/${taskOfA}`, { method: "POST", body });
    const response = await taskAction({ request, params: { id: taskOfA }, context: {} });
    expect(response.status).toBe(200);
    expect((await db().task.findUniqueOrThrow({ where: { id: taskOfA } })).status).toBe(
      "CANCELLED",
    );
  });
});
