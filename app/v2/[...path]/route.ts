// The gateway for the Mistral API's /v2 paths (prompts and skills); the same handler as /v1.
import { handleGatewayRequest } from "@/lib/server/gateway";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleGatewayRequest;
export const HEAD = handleGatewayRequest;
export const POST = handleGatewayRequest;
export const PUT = handleGatewayRequest;
export const PATCH = handleGatewayRequest;
export const DELETE = handleGatewayRequest;
export const OPTIONS = handleGatewayRequest;
