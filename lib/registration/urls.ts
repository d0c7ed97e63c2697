/**
 * Links sent by email use the configured public address, never the request's Host header, so a
 * forged Host cannot send a manage link elsewhere.
 */
export function publicBaseUrl(): string {
  return (process.env.SITE_URL || process.env.AUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export function manageUrl(locale: string, token: string): string {
  return `${publicBaseUrl()}/${locale === "zh-CN" ? "zh-CN" : "en"}/ticket/${token}`;
}
