import { wav } from "@/lib/sandbox/test/media";
import { chooseFiles, expect, test } from "./test";

test("a small WAV is transcribed, streamed, with segment timestamps", async ({ page }) => {
  await page.goto("/audio");
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();
  const model = page.getByRole("combobox", { name: "Model", exact: true });
  await expect(model).toHaveValue("voxtral-mini-latest", { timeout: 15_000 });
  // Only transcription models are offered.
  await expect(model.locator("option", { hasText: "mistral-small-latest" })).toHaveCount(0);

  await chooseFiles(page.getByLabel("Audio file", { exact: true }), {
    name: "hello.wav",
    mimeType: "audio/wav",
    buffer: Buffer.from(wav(7)),
  });
  await expect(
    page.getByRole("checkbox", { name: "Stream the transcript as it is made" }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Transcribe" }).click();

  const transcript = page.getByTestId("transcript-text");
  await expect(transcript).toContainText("[sandbox]", { timeout: 30_000 });
  await expect(page.getByTestId("audio-usage")).toContainText("7 s of audio");
  await expect(page.getByTestId("audio-usage")).toContainText("voxtral-mini-latest");
  const segments = page.getByRole("table", { name: "Segments" });
  await expect(segments.getByRole("row")).toHaveCount(3); // header + 0–5 s + 5–7 s
  await expect(segments.getByRole("row").nth(1)).toContainText("0:00.0");
  await expect(segments.getByRole("row").nth(2)).toContainText("0:07.0");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download subtitles" }).click();
  const srt = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:05,000\n\[sandbox\] /);
  expect(srt).toContain("2\n00:00:05,000 --> 00:00:07,000\n");
});

test("a plain (not streamed) transcription without timestamps gives the text alone", async ({
  page,
}) => {
  await page.goto("/audio");
  await chooseFiles(page.getByLabel("Audio file", { exact: true }), {
    name: "short.wav",
    mimeType: "audio/wav",
    buffer: Buffer.from(wav(2)),
  });
  await page.getByRole("checkbox", { name: "Stream the transcript as it is made" }).uncheck();
  await page.getByRole("checkbox", { name: "Timestamps for each segment" }).uncheck();
  await page.getByLabel("Language (optional)").fill("e1");
  await page.getByRole("button", { name: "Transcribe" }).click();
  await expect(page.getByText("Two letters, like en or fr.")).toBeVisible();
  await page.getByLabel("Language (optional)").fill("en");
  await page.getByRole("button", { name: "Transcribe" }).click();
  await expect(page.getByTestId("transcript-text")).toContainText("[sandbox]", { timeout: 30_000 });
  await expect(page.getByTestId("audio-usage")).toContainText("2 s of audio · language en");
  await expect(page.getByRole("table", { name: "Segments" })).toHaveCount(0);
});
