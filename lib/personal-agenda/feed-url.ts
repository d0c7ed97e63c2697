import { publicBaseUrl } from "../registration/urls";

/** The address of a personal calendar feed, on the configured public address like every link sent out. */
export function calendarFeedUrl(calendarToken: string): string {
  return `${publicBaseUrl()}/feeds/${calendarToken}.ics`;
}

/** The same address for calendar apps that subscribe when a `webcal:` link is opened. */
export function webcalUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:\/\//, "webcal://");
}
