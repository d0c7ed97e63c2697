import { describe, expect, it } from "vitest";
import { outboxLogLine, withoutAddresses } from "./log-line";

describe("outbox log lines", () => {
  it("name the email by its id and kind", () => {
    expect(outboxLogLine({ id: 42, kind: "confirmation" }, "stored")).toBe("[mail] id=42 kind=confirmation stored");
  });

  it("blank any address a mail server's error quotes", () => {
    const line = outboxLogLine(
      { id: 7, kind: "promotion" },
      "send failed attempt=1 -> pending: EENVELOPE: 550 5.1.1 <li.wei+forum@example.com.cn>: Recipient address rejected; to=Zhang.San@Example.org",
    );
    expect(line).not.toMatch(/@/);
    expect(line).toContain("id=7");
    expect(line).toContain("550 5.1.1 <<address>>: Recipient address rejected; to=<address>");
  });

  it("leave text without an address alone", () => {
    expect(withoutAddresses("ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525")).toBe("ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525");
  });
});
