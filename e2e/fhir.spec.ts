import { readFile } from "node:fs/promises";
import type { Bundle } from "@medplum/fhirtypes";
import { unresolvedReferences } from "../lib/domain/fhir/bundle";
import { fhirSchemaErrors } from "../tests/fhir-schema";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * Issue 20 item 5: a trainer downloads the demo athlete's FHIR bundle from the athlete page and it
 * is valid FHIR R4 whose references resolve inside it; the athlete downloads their own from My data,
 * without the staff's injury episodes. Screenshots of both places go to the test's output.
 */
test.describe.configure({ mode: "serial" });
test.beforeAll(() => void fhirSchemaErrors({ resourceType: "Basic" }));

async function downloaded(page: import("@playwright/test").Page, name: string): Promise<{ bundle: Bundle; fileName: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const fileName = download.suggestedFilename();
  return { bundle: JSON.parse(await readFile((await download.path())!, "utf8")) as Bundle, fileName };
}

test("a trainer downloads the demo athlete's FHIR bundle from the athlete page, and it validates", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes?q=Alex");
  await page.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("athlete-page-header.png"), clip: { x: 0, y: 0, width: 1280, height: 260 } });
  const { bundle, fileName } = await downloaded(page, "FHIR export");
  expect(fileName).toMatch(/^stride-fhir-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/);
  expect(bundle.resourceType).toBe("Bundle");
  expect(fhirSchemaErrors(bundle)).toEqual([]);
  expect(unresolvedReferences(bundle)).toEqual([]);
  const kinds = new Set(bundle.entry!.map((e) => e.resource!.resourceType));
  expect([...kinds].sort()).toEqual(["CarePlan", "Condition", "Observation", "Patient", "QuestionnaireResponse"]);

  const res = await page.request.get(new URL(page.url()).pathname.replace("/athletes/", "/api/fhir/Patient/") + "/$everything?start=2026-01-01");
  expect(res.headers()["content-type"]).toContain("application/fhir+json");
  expect(res.headers()["content-disposition"]).toContain("attachment; filename=");
});

test("the athlete downloads their own FHIR record from My data, without the staff's episodes", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  await page.goto("/my-data");
  const link = page.getByRole("link", { name: "Download my health record (FHIR)" });
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("my-data-375.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const { bundle } = await downloaded(page, "Download my health record (FHIR)");
  expect(fhirSchemaErrors(bundle)).toEqual([]);
  expect(unresolvedReferences(bundle)).toEqual([]);
  expect(bundle.entry!.filter((e) => e.resource!.resourceType === "Condition")).toHaveLength(1);
  expect(bundle.entry![0]!.resource).toMatchObject({ resourceType: "Patient", name: [{ text: "Alex Morgan" }] });
});
