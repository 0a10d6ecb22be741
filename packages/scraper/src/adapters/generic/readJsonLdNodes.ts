import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { parseLenientJson } from "./parseLenientJson.ts";

/** One schema.org object from a page's JSON-LD, its fields still unchecked. */
export type JsonLdNode = Record<string, unknown>;

const nodeSchema = z.record(z.string(), z.unknown());
const typeSchema = z.union([z.string(), z.array(z.unknown())]);
const maxNesting = 6;

/**
 * Every typed schema.org object in the page's `<script type="application/ld+json">` blocks, in page order:
 * arrays and `@graph` flattened, a WebPage's `mainEntity` included. A malformed block is repaired when it can
 * be (see parseLenientJson) and skipped when it cannot — one broken block never hides the others.
 */
export function readJsonLdNodes($: CheerioAPI): JsonLdNode[] {
  // The classifier and the readers all ask; a page's blocks are parsed (and repaired) once.
  const known = nodesByPage.get($);
  if (known !== undefined) return known;
  const nodes: JsonLdNode[] = [];
  $('script[type*="ld+json" i]').each((_, element) => {
    for (const value of parseLenientJson($(element).text())) collectNodes(value, nodes, 0);
  });
  nodesByPage.set($, nodes);
  return nodes;
}

const nodesByPage = new WeakMap<CheerioAPI, JsonLdNode[]>();

function collectNodes(value: unknown, nodes: JsonLdNode[], depth: number): void {
  if (depth > maxNesting) return;
  if (Array.isArray(value)) {
    for (const entry of value) collectNodes(entry, nodes, depth + 1);
    return;
  }
  const node = nodeSchema.safeParse(value);
  if (!node.success) return;
  if (node.data["@type"] !== undefined) nodes.push(node.data);
  if (node.data["@graph"] !== undefined) collectNodes(node.data["@graph"], nodes, depth + 1);
  if (node.data.mainEntity !== undefined) collectNodes(node.data.mainEntity, nodes, depth + 1);
}

/** The node's schema.org types without the vocabulary prefix: "Product", ["Product", "Car"] → both. */
export function typesOf(node: JsonLdNode): string[] {
  const parsed = typeSchema.safeParse(node["@type"]);
  if (!parsed.success) return [];
  const names = typeof parsed.data === "string" ? [parsed.data] : parsed.data;
  return names.flatMap((name) =>
    typeof name === "string" ? [name.replace(/^(?:https?:\/\/)?schema\.org\//iu, "").trim()] : [],
  );
}

/** Whether the node is one of the given schema.org types. */
export function isOfType(node: JsonLdNode, types: readonly string[]): boolean {
  return typesOf(node).some((type) => types.includes(type));
}

/** A field that holds a single object (an Offer, a Brand, a Rating), as a node; null otherwise. */
export function asNode(value: unknown): JsonLdNode | null {
  const parsed = nodeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A field that holds one value or a list of them, as a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const scalarSchema = z.union([z.string(), z.number()]);

/** A field's text: a string or a number as written, whitespace collapsed; null for anything else or empty. */
export function textOf(value: unknown): string | null {
  const parsed = scalarSchema.safeParse(value);
  if (!parsed.success) return null;
  const clean = String(parsed.data).replace(/\s+/gu, " ").trim();
  return clean === "" ? null : clean;
}
