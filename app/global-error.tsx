"use client";

// Last resort when the root layout itself fails; it cannot use the message catalogues.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body className="mx-auto max-w-xl p-8 font-sans">
        <h1 className="text-2xl font-bold">Something went wrong · 出错了</h1>
        <button type="button" className="mt-4 rounded border px-4 py-2" onClick={reset}>
          Try again · 重试
        </button>
      </body>
    </html>
  );
}
