// The site's Link (components/link.tsx), and nothing from next-intl's createNavigation: on the
// server, calling it brings next-intl's client Link, and with it next-intl's client runtime, into
// the scripts of every page that imports this module. The console's pathname hook is in
// i18n/use-pathname.ts.
export { Link } from "@/components/link";
