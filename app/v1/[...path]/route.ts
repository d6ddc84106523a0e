// The /v1 gateway: the Mistral API's own paths, served at the console's origin with the server's key
// (app/v2 serves the few /v2 paths the same way).
import { serveGatewayRoute } from "@/lib/server/gateway";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Every method Next routes goes to the gateway, so a known path with another method gets a JSON
// 405 + Allow. Next never calls a route for other methods (PROPFIND: an empty 400; TRACE: a 500,
// as the Fetch API cannot represent it): guardServerMethods answers those before Next does.
export const GET = serveGatewayRoute;
export const HEAD = serveGatewayRoute;
export const POST = serveGatewayRoute;
export const PUT = serveGatewayRoute;
export const PATCH = serveGatewayRoute;
export const DELETE = serveGatewayRoute;
export const OPTIONS = serveGatewayRoute;
