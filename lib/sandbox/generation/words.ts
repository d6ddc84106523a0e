// Reading a request's text: the words a reply refers to, so a sandbox answer visibly answers it.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers herself him himself his how i if in into is it its itself just
  me more most my myself no nor not now of off on once only or other our ours ourselves out over
  own please same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while
  who whom why will with would you your yours yourself yourselves tell give show explain write
  describe make let like want need know use using get one two three four five six seven eight nine
  ten short long brief sentence sentences answer reply question words word thing things something
  really much many lot lots well way ways hi hello hey thanks thank essay detailed article
  paragraph paragraphs json format object list don doesn didn isn aren wasn weren won
  shouldn couldn wouldn haven hasn`.split(/\s+/),
);

/** The words of `text`, lower-cased, in order (letters and digits, apostrophes kept inside). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Up to `max` distinct content words of `text`, in the order they appear. */
export function keywords(text: string, max = 6): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    // Contractions and possessives: "what's" is "what" (a stopword), "paris's" is "paris".
    const w = word.replace(/['’]\p{L}+$/u, "");
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === max) break;
  }
  return out;
}

/** The start of `text` on one line, cut at a word boundary, for quoting it back. */
export function quote(text: string, maxWords = 12): string {
  const all = text.replace(/\s+/g, " ").trim().split(" ");
  const head = all.slice(0, maxWords).join(" ");
  return all.length > maxWords ? `${head}…` : head;
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words of an identifier: `get_current_weather` and `getCurrentWeather` → get, current, weather. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** snake_case from words, e.g. a function name made from a request's keywords. */
export const snakeCase = (parts: string[]) =>
  parts
    .map((p) => p.replace(/[^a-z0-9]/gi, "").toLowerCase())
    .filter(Boolean)
    .join("_");
