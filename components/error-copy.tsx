"use client";

import { createContext, useContext, type ReactNode } from "react";

export type ErrorCopy = { title: string; body: string; retry: string };

const Copy = createContext<ErrorCopy | null>(null);

/**
 * The error page's strings, given by the layout: app/[locale]/error.tsx is a client component
 * on every page, and would otherwise need next-intl's client runtime and a catalogue everywhere.
 */
export function ErrorCopyProvider({ copy, children }: { copy: ErrorCopy; children: ReactNode }) {
  return <Copy.Provider value={copy}>{children}</Copy.Provider>;
}

export function useErrorCopy(): ErrorCopy {
  const copy = useContext(Copy);
  if (!copy) throw new Error("useErrorCopy outside ErrorCopyProvider");
  return copy;
}
