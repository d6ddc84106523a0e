// Next's own copy of the `compression` middleware (lib/server/fast-path.ts runs it as Next does);
// Next ships it without types.
declare module "next/dist/compiled/compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  export default function compression(): (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => void;
}
