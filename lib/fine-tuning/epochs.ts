// How many passes over the data a job makes, and when that is far more than is wise.
// Mistral's fine-tuning guide advises a few epochs: past that the model memorises its samples
// (over-fitting) and every extra pass is paid for in training tokens. The wizard warns, it does
// not block: a tiny data set trained on purpose for many passes is the user's call.
import { formatNumber } from "@/lib/format";

/** Above this many epochs the wizard warns. */
export const EPOCHS_ADVISED_MAX = 10;

/** The warning for this many epochs, or null when it is within what the guides advise. */
export function epochsWarning(epochs: number | null | undefined): string | null {
  if (epochs == null || !Number.isFinite(epochs) || epochs <= EPOCHS_ADVISED_MAX) return null;
  return (
    `${formatNumber(epochs, 2)} epochs: the model would see every training sample about ` +
    `${formatNumber(Math.round(epochs))} times. Fine-tuning guides advise a few epochs ` +
    `(this console warns above ${EPOCHS_ADVISED_MAX}): beyond that the model memorises the ` +
    `samples instead of learning from them (over-fitting), and every extra pass costs training ` +
    `tokens. Use fewer steps, or more data.`
  );
}
