import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvLine, neutralise, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Example Motors")).toBe("Example Motors");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvCell("Shanghai, Jiading")).toBe('"Shanghai, Jiading"');
    expect(csvCell('The "EV" team')).toBe('"The ""EV"" team"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("keeps Chinese text as it is", () => {
    expect(csvCell("王小明")).toBe("王小明");
  });

  it.each([
    ["=cmd()", "'=cmd()"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
  ])("neutralises a formula %j", (input, output) => {
    expect(neutralise(input)).toBe(output);
    expect(csvCell(input)).toBe(output);
  });

  it("neutralises a carriage return at the start, then quotes it", () => {
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("neutralises and quotes at once", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it.each([
    ["a;=cmd()", "a;'=cmd()"],
    ["Example Motors;+1+1", "Example Motors;'+1+1"],
    ["x;-2+3;@SUM(A1)", "x;'-2+3;'@SUM(A1)"],
    ["x; =1", "x;' =1"],
    ["x;\t=1", "x;'\t=1"],
    ["=a;=b", "'=a;'=b"],
  ])("neutralises a formula that a ;-separated reading would split off %j", (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it("neutralises a ;-part that starts behind a quote, and quotes the cell", () => {
    expect(csvCell('x;"=cmd()"')).toBe(`"x;'""=cmd()"""`);
  });

  it("leaves a semicolon before ordinary text alone", () => {
    expect(csvCell("Shanghai;Jiading")).toBe("Shanghai;Jiading");
    expect(csvCell("a;b=c")).toBe("a;b=c");
  });

  it("gives no cell of a ;-separated reading of a whole line a formula start", () => {
    const line = csvLine(["CAF-23456789", 'Li Wei;=HYPERLINK("http://x")', "Org;+1", "@x;-1"]);
    for (const cell of line.split(";")) expect(cell).not.toMatch(/^[\s"]*[=+\-@]/);
  });

  it("does not touch a sign in the middle", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("BYD-Auto")).toBe("BYD-Auto");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    const csv = toCsv(["name", "organisation"], [["王小明", "A, B"], ["=cmd()", ""]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('name,organisation\r\n王小明,"A, B"\r\n\'=cmd(),\r\n');
    expect(csvLine([])).toBe("");
  });
});
