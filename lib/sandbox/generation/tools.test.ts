import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tool } from "@/lib/mistral/seed-types";
import { createRng } from "./random";
import { chooseTool, makeToolCall } from "./tools";

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);

const tool = (
  name: string,
  parameters: Record<string, unknown> = { type: "object", properties: {} },
): Tool => ({
  type: "function",
  function: { name, parameters },
});

type Schema = Record<string, unknown>;
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** JSON schemas of the kind function parameters use: nested objects, arrays, enums, bounds, formats. */
const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      type: fc.constant("string"),
      minLength: opt(fc.integer({ min: 0, max: 4 })),
      format: opt(fc.constantFrom("date", "date-time", "email", "uri", "uuid")),
    }),
    fc.integer({ min: -50, max: 50 }).chain((lo) =>
      fc.record({
        type: fc.constantFrom("integer", "number"),
        minimum: fc.constant(lo),
        maximum: fc.integer({ min: lo + 1, max: lo + 200 }),
      }),
    ),
    fc.record({
      type: fc.constant("number"),
      exclusiveMinimum: fc.constant(0),
      exclusiveMaximum: fc.constant(1),
    }),
    fc.constant({ type: "boolean" }),
    fc.record({
      type: fc.constant("string"),
      enum: fc.uniqueArray(fc.constantFrom("celsius", "fahrenheit", "kelvin", "red", "blue"), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
    fc.record({ anyOf: fc.tuple(tie("schema"), fc.constant({ type: "null" })) }),
    fc.record({ type: fc.constant(["string", "null"]), maxLength: fc.constant(3) }),
    fc.integer({ min: 0, max: 2 }).chain((min) =>
      fc.record({
        type: fc.constant("array"),
        items: tie("schema"),
        minItems: fc.constant(min),
        maxItems: opt(fc.integer({ min: min, max: min + 3 })),
      }),
    ),
    fc
      .dictionary(
        fc.constantFrom(
          "location",
          "city",
          "query",
          "count",
          "unit",
          "date",
          "tags",
          "options",
          "name",
        ),
        tie("schema"),
        { maxKeys: 4 },
      )
      .chain((properties) =>
        fc.record({
          type: fc.constant("object"),
          properties: fc.constant(properties),
          required: fc.subarray(Object.keys(properties)),
          additionalProperties: fc.constant(false),
        }),
      ),
  ),
})).schema;

describe("tool call arguments", () => {
  it("always validate against the function's parameter schema", () => {
    fc.assert(
      fc.property(schemaArb, fc.string(), fc.integer({ min: 0 }), (properties, text, seed) => {
        const parameters = {
          type: "object",
          properties: { value: properties },
          required: ["value"],
        };
        const call = makeToolCall(tool("do_it", parameters), text, createRng(String(seed)));
        const validate = ajv.compile(parameters);
        const args = JSON.parse(call.function.arguments as string);
        expect(validate(args), JSON.stringify({ args, errors: validate.errors })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("take their values from the request: names, numbers, mentioned enum values", () => {
    const schedule = tool("book_table", {
      type: "object",
      properties: {
        restaurant: { type: "string" },
        city: { type: "string" },
        guests: { type: "integer", minimum: 1, maximum: 20 },
        seating: { type: "string", enum: ["indoor", "terrace"] },
      },
      required: ["restaurant", "city", "guests", "seating"],
    });
    const call = makeToolCall(
      schedule,
      "Book a table for 4 on the terrace at Chez Janou in Marseille",
      createRng("1"),
    );
    expect(JSON.parse(call.function.arguments as string)).toEqual({
      restaurant: expect.any(String),
      city: expect.stringMatching(/Chez Janou|Marseille/),
      guests: 4,
      seating: "terrace",
    });
    expect(call.id).toMatch(/^[A-Za-z0-9]{9}$/);
  });
});

describe("choosing a tool", () => {
  const tools = [tool("get_current_weather"), tool("getStockPrice"), tool("send_email")];

  it("auto: picks the tool whose name the message uses, or none", () => {
    expect(
      chooseTool(tools, "auto", "Is it going to rain? Check the weather in Lille", false)?.function
        .name,
    ).toBe("get_current_weather");
    expect(chooseTool(tools, "auto", "What are Apple stocks worth?", false)?.function.name).toBe(
      "getStockPrice",
    );
    expect(chooseTool(tools, "auto", "please call send_email", false)?.function.name).toBe(
      "send_email",
    );
    expect(chooseTool(tools, "auto", "Write me a poem about the sea", false)).toBeNull();
    expect(chooseTool(tools, "auto", "Use the tool, please", false)).not.toBeNull();
  });

  it("auto answers after tool results; any always calls; none never does", () => {
    expect(chooseTool(tools, "auto", "weather in Lille", true)).toBeNull();
    expect(chooseTool(tools, "any", "Write me a poem", false)).not.toBeNull();
    expect(chooseTool(tools, "any", "Email Bob", true)?.function.name).toBe("send_email");
    expect(chooseTool(tools, "none", "weather in Lille", false)).toBeNull();
    expect(chooseTool([], "any", "weather in Lille", false)).toBeNull();
  });
});
