import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../support/testStack.ts";

/** Garbage on the wire gets an answer (or a closed socket); it never takes the stand-in down. */
describe("malformed requests to the stand-in", () => {
  let stack: TestStack;
  let port: number;
  beforeAll(async () => {
    stack = await startTestStack();
    port = Number(new URL(stack.apiUrl).port);
  });
  afterAll(() => stack.close());

  function rawRequest(text: string, resetEarly = false): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(text);
        if (resetEarly) socket.resetAndDestroy();
      });
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk.toString();
      });
      socket.on("error", () => resolve(answer));
      socket.on("close", () => resolve(answer));
    });
  }

  it("answers 400 to a websocket upgrade with an unparsable URL", async () => {
    const answer = await rawRequest(
      "GET //foo:99999/realtime/v1/websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it("answers 400 to a plain request with an unparsable URL", async () => {
    const answer = await rawRequest(
      "GET //foo:99999/rest/v1/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it("survives clients that reset the connection in the middle of a websocket upgrade", async () => {
    const upgrade = `GET /realtime/v1/websocket?apikey=${stack.anonKey}&vsn=1.0.0 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    await Promise.all(Array.from({ length: 100 }, () => rawRequest(upgrade, true)));
    const health = await fetch(`${stack.apiUrl}/health`);
    expect(health.status).toBe(200);
  });
});
