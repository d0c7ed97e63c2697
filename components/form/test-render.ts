import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** The markup a field renders, and the attributes of its elements found by id or by tag. */
export function render(element: ReactElement) {
  const html = renderToStaticMarkup(element);
  const tags = [...html.matchAll(/<([a-z]+)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>/g)].map(([, tag, attributes]) => ({
    tag: tag!,
    attributes: Object.fromEntries([...attributes!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)].map(([, k, v]) => [k!, v ?? ""])),
  }));
  const byId = (id: string) => tags.find((t) => t.attributes.id === id);
  const all = (tag: string) => tags.filter((t) => t.tag === tag);
  /** The text of the element with this id (elements without nested tags of the same name). */
  const text = (id: string) => html.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`))?.[1];
  return { html, byId, all, text };
}
