// Requests outside any locale (the proxy sends nearly all of them into one) end here.
import Link from "next/link";
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="mx-auto max-w-xl p-8 font-sans">
        <h1 className="text-2xl font-bold">Page not found · 页面不存在</h1>
        <p className="mt-4">
          <Link className="text-brand-700 underline" href="/en">
            2024 China Auto Forum
          </Link>{" "}
          ·{" "}
          <Link className="text-brand-700 underline" href="/zh-CN" lang="zh-CN">
            2024中国汽车论坛
          </Link>
        </p>
      </body>
    </html>
  );
}
