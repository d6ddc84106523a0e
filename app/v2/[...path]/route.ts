// The gateway for the Mistral API's /v2 paths (prompts and skills); the same handler as /v1.
import { serveGatewayRoute } from "@/lib/server/gateway";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = serveGatewayRoute;
export const HEAD = serveGatewayRoute;
export const POST = serveGatewayRoute;
export const PUT = serveGatewayRoute;
export const PATCH = serveGatewayRoute;
export const DELETE = serveGatewayRoute;
export const OPTIONS = serveGatewayRoute;
