// Shapes of codes and tokens, without node:crypto: safe to import in browser code, where a crypto
// import would bundle a 450 KB polyfill.

export function isCode(value: string): boolean {
  return /^CAF-[2-9A-HJKMNP-Z]{8}$/.test(value);
}

export function isManageToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(value);
}
