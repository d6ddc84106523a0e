import { describe, expect, it } from "vitest";
import { routes } from "./routes";

describe("routes", () => {
  it("encodes what goes in a path or a query, and leaves out empty parameters", () => {
    expect(routes.job("a/b")).toBe("/fine-tuning/a%2Fb");
    expect(routes.playground({ model: "ft:open-mistral-7b:x y" })).toBe(
      "/playground?model=ft%3Aopen-mistral-7b%3Ax%20y",
    );
    expect(routes.playground()).toBe("/playground");
    expect(routes.newJob({ clone: "" })).toBe("/fine-tuning/new");
    expect(routes.newJob({ file: "f&1" })).toBe("/fine-tuning/new?file=f%261");
    expect(routes.files({ q: "a+b" })).toBe("/files?q=a%2Bb");
    expect(routes.batch({ status: "QUEUED,RUNNING" })).toBe("/batch?status=QUEUED%2CRUNNING");
    expect(routes.batchJob("b/1")).toBe("/batch/b%2F1");
  });

  it("keeps a model id's colons readable and lists compared jobs with commas", () => {
    expect(routes.model("ft:open-mistral-7b:x:20261206:abcd1234")).toBe(
      "/models/ft:open-mistral-7b:x:20261206:abcd1234",
    );
    expect(routes.compareJobs(["a", "b"])).toBe("/fine-tuning/compare?jobs=a,b");
  });

  it("brings a signed-out user back to the page they were on, not to sign-in itself", () => {
    expect(routes.signIn({ next: "/fine-tuning/abc?x=1" })).toBe(
      "/sign-in?next=%2Ffine-tuning%2Fabc%3Fx%3D1",
    );
    expect(routes.signIn({ next: "/sign-in" })).toBe("/sign-in");
    expect(routes.signIn()).toBe("/sign-in");
  });
});
