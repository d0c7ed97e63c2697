// A mail server for tests: just enough SMTP for nodemailer (no TLS, no auth), keeping every
// message it accepts, so that a test can count what the outbox delivered.
import net from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string };

export type FakeSmtp = {
  port: number;
  received: ReceivedMail[];
  /** The messages sent to `address` (the envelope's recipient). */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
};

export async function startFakeSmtp(port = 0): Promise<FakeSmtp> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          reply("250 2.0.0 queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const argument = line.replace(/^\w+( FROM| TO)?:?\s*/i, "").replace(/[<>]/g, "").split(" ")[0]!;
        switch (line.slice(0, 4).toUpperCase()) {
          case "EHLO":
            reply("250-fake.test\r\n250 8BITMIME");
            break;
          case "MAIL":
            mail.from = argument;
            reply("250 OK");
            break;
          case "RCPT":
            mail.to.push(argument);
            reply("250 OK");
            break;
          case "DATA":
            inData = true;
            reply("354 go ahead");
            break;
          case "RSET":
            mail = { from: "", to: [], data: "" };
            reply("250 OK");
            break;
          case "QUIT":
            reply("221 bye");
            socket.end();
            break;
          default:
            reply("250 OK");
        }
      }
    });
    reply("220 fake.test ESMTP");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    received,
    to: (address) => received.filter((mail) => mail.to.includes(address)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
