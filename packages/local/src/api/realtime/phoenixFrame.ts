import { z } from "zod";

/** The two Phoenix serializer versions realtime-js speaks: 1.0.0 sends JSON objects, 2.0.0 JSON arrays. */
export type PhoenixVsn = "1.0.0" | "2.0.0";

export const supportedVsns: readonly PhoenixVsn[] = ["1.0.0", "2.0.0"];

/** One Phoenix channel message, in either direction. */
export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

const refSchema = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((ref) => (ref === null || ref === undefined ? null : String(ref)));

const arrayFrameSchema = z.tuple([refSchema, refSchema, z.string(), z.string(), z.unknown()]);

const objectFrameSchema = z.object({
  join_ref: refSchema,
  ref: refSchema,
  topic: z.string(),
  event: z.string(),
  payload: z.unknown(),
});

/** A frame the socket cannot read: the connection answers nothing for it (as Phoenix drops it). */
export class MalformedFrameError extends Error {
  override readonly name = "MalformedFrameError";
}

/** Reads a text frame sent by realtime-js with the serializer of `vsn`. */
export function decodePhoenixFrame(text: string, vsn: PhoenixVsn): PhoenixMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new MalformedFrameError("frame is not JSON", { cause });
  }
  if (vsn === "2.0.0") {
    const parsed = arrayFrameSchema.safeParse(json);
    if (!parsed.success) throw new MalformedFrameError("frame is not [join_ref, ref, topic, event, payload]");
    const [joinRef, ref, topic, event, payload] = parsed.data;
    return { joinRef, ref, topic, event, payload };
  }
  const parsed = objectFrameSchema.safeParse(json);
  if (!parsed.success) throw new MalformedFrameError("frame is not {topic, event, payload, ref}");
  const { join_ref: joinRef, ref, topic, event, payload } = parsed.data;
  return { joinRef, ref, topic, event, payload };
}

/**
 * Reads the header of a binary frame (vsn 2.0.0 user broadcast push: kind 3) far enough to answer it.
 * Returns null for anything else.
 */
export function decodeBinaryPushHeader(buffer: Buffer): Omit<PhoenixMessage, "payload"> | null {
  const userBroadcastPush = 3;
  const headerLength = 7;
  if (buffer.length < headerLength || buffer.readUInt8(0) !== userBroadcastPush) return null;
  const joinRefLength = buffer.readUInt8(1);
  const refLength = buffer.readUInt8(2);
  const topicLength = buffer.readUInt8(3);
  const eventLength = buffer.readUInt8(4);
  let offset = headerLength;
  const take = (length: number) => {
    const text = buffer.toString("utf8", offset, offset + length);
    offset += length;
    return text;
  };
  if (buffer.length < headerLength + joinRefLength + refLength + topicLength + eventLength) return null;
  const joinRef = take(joinRefLength);
  const ref = take(refLength);
  const topic = take(topicLength);
  const event = take(eventLength);
  return { joinRef: joinRef || null, ref: ref || null, topic, event };
}

/** Writes a message as Phoenix's serializer of `vsn` does (V1 carries no join_ref). */
export function encodePhoenixFrame(message: PhoenixMessage, vsn: PhoenixVsn): string {
  if (vsn === "2.0.0") {
    return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
  }
  return JSON.stringify({
    topic: message.topic,
    event: message.event,
    payload: message.payload,
    ref: message.ref,
  });
}
