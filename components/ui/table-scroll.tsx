import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen: the table scrolls sideways inside this box, the page does not.
 * `relative` makes the box the containing block of what is positioned inside the table, such as
 * the visually hidden sort hints (`sr-only`, absolutely positioned): without it they escape the
 * box's clipping and widen the page itself.
 */
export function TableScroll({
  className = "",
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  return <div className={`relative overflow-x-auto ${className}`.trimEnd()}>{children}</div>;
}
