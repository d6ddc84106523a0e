// A fake key the e2e server and build are given (the sandbox is forced, so it is never used):
// it must never show up in a page, a response, or the client bundle.
export const CANARY_KEY = "canary-key-4f1d9c2b7e8a6d30";
