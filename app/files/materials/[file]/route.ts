import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parseRange } from "@/lib/http/range";
import { openMaterial } from "@/lib/uploads/materials";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * `/files/materials/<hash>.<ext>`: slides, their preview and recordings, as speaker photos are
 * served: the name holds a hash of the content, so an address never changes what it holds and is
 * cached for a year. A `Range` is answered with that part (a video seeks, a download resumes).
 */
async function serve(request: Request, file: string, withBody: boolean): Promise<Response> {
  const found = await openMaterial(file);
  if (!found) return notFound();
  const headers: Record<string, string> = {
    "content-type": found.contentType,
    "cache-control": "public, max-age=31536000, immutable",
    "accept-ranges": "bytes",
    etag: `"${file.replace(/\..*$/, "")}"`,
    "x-content-type-options": "nosniff",
  };
  // A PDF opens in the browser's viewer; saving it gives a name with no path in it.
  if (found.contentType === "application/pdf")
    headers["content-disposition"] = `inline; filename="${file}"`;
  const range = parseRange(request.headers.get("range"), found.size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: {
        ...headers,
        "content-range": `bytes */${found.size}`,
        "cache-control": "no-store",
      },
    });
  }
  const [start, end, status] =
    range.kind === "partial" ? [range.start, range.end, 206] : [0, found.size - 1, 200];
  if (range.kind === "partial") headers["content-range"] = `bytes ${start}-${end}/${found.size}`;
  headers["content-length"] = String(found.size === 0 ? 0 : end - start + 1);
  if (!withBody || found.size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(
    createReadStream(found.path, { start, end }),
  ) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}

export async function GET(request: Request, { params }: RouteContext<"/files/materials/[file]">) {
  return serve(request, (await params).file, true);
}

export async function HEAD(request: Request, { params }: RouteContext<"/files/materials/[file]">) {
  return serve(request, (await params).file, false);
}
