// @ts-check
/**
 * A connection the first process accepted and handed over (server.mjs's primary()), taken on by
 * one server process's HTTP server as if that server had accepted it itself.
 *
 * Node's HTTP server turns Nagle's algorithm off for each connection it accepts (`noDelay`); a
 * connection handed over never passes there. Left on, an answer written in two parts (the headers,
 * then a body Next streams) held its second part until the client acknowledged the first, and a
 * client delays that acknowledgement: 40 ms on Linux, on every such answer.
 * server/adopt-connection.test.ts measures it.
 * @param {import("node:http").Server} server
 * @param {import("node:net").Socket} socket
 */
export function adoptConnection(server, socket) {
  socket.setNoDelay(true);
  server.emit("connection", socket);
  socket.resume();
}
