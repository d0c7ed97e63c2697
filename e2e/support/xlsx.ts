// Reads back an XLSX the app wrote: the zip's central directory, its deflated entries
// (zlib.inflateRawSync), the first sheet and its shared strings. Enough to check what a
// spreadsheet program would show, without a spreadsheet library.
import zlib from "node:zlib";

/** Every file in a zip archive, by name. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, data);
    else if (method === 8) files.set(name, zlib.inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[entity]) return named[entity];
    return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });

/** The text of every <t> inside an element (a shared string or an inline string). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");

export type Cell = { ref: string; type: string; value: string; formula: string | null };

/** Cells at the index of their column (A = 0): a writer may leave an empty cell out. */
function byColumn(cells: Cell[]): Cell[] {
  const row: Cell[] = [];
  for (const cell of cells) {
    const letters = /^[A-Z]+/.exec(cell.ref)?.[0] ?? "";
    const index = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    row[index < 0 ? row.length : index] = cell;
  }
  return Array.from(row, (cell) => cell ?? { ref: "", type: "empty", value: "", formula: null });
}

/** The first worksheet of a workbook: its rows of cells, as stored (type, value, any formula). */
export function readFirstSheet(xlsx: Buffer): { rows: Cell[][]; files: string[] } {
  const files = unzip(xlsx);
  const sheet = files.get("xl/worksheets/sheet1.xml")?.toString("utf8");
  if (!sheet) throw new Error(`no xl/worksheets/sheet1.xml in ${[...files.keys()].join(", ")}`);
  const shared = [...(files.get("xl/sharedStrings.xml")?.toString("utf8") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
  const rows = [...sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    byColumn([...row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const attributes = c[1]!;
      const inner = c[2] ?? "";
      const ref = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? "";
      const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(inner);
      const value =
        type === "s" ? (shared[Number(v)] ?? "") : type === "inlineStr" ? textOf(inner) : type === "b" ? (v === "1" ? "TRUE" : "FALSE") : unescapeXml(v ?? "");
      return { ref, type, value, formula: formula ? unescapeXml(formula[1] ?? "") : null };
    })),
  );
  return { rows, files: [...files.keys()] };
}
