// Where a model can be tried, from what its card says it can do: the chat playground for a chat
// model, else the page of its one task. A model past its deprecation date, an archived one, or one
// no page can run (a classifier, a moderation model) offers nothing.
import { canDo, isRetired, type ModelCardLike, type Task } from "@/lib/mistral/capabilities";
import { routes } from "@/lib/routes";

export interface TryAction {
  /** The page's name, as in "Try in playground" / "Try <model> in playground". */
  place: string;
  href: string;
}

/** The pages that run a model, in the order a model able to do several is sent to them. */
const PAGES: { task: Task; place: string; href: (id: string) => string }[] = [
  { task: "chat", place: "playground", href: (model) => routes.playground({ model }) },
  { task: "fim", place: "FIM", href: (model) => routes.fim({ model }) },
  { task: "embeddings", place: "Embeddings", href: (model) => routes.embeddings({ model }) },
  { task: "ocr", place: "OCR", href: () => routes.ocr() },
  { task: "transcription", place: "Audio", href: () => routes.audio() },
];

export function tryActionFor(card: ModelCardLike, now = Date.now()): TryAction | null {
  if (card.archived || isRetired(card, now)) return null;
  const page = PAGES.find((p) => canDo(card, p.task));
  return page ? { place: page.place, href: page.href(card.id) } : null;
}
