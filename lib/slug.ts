const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug from a name: ASCII letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}

/** A slug not yet in `taken`, adding -2, -3 … when needed. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, fallback = "item"): string {
  const root = slugify(base) || fallback;
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
