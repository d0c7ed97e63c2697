import { expect, type Page } from "@playwright/test";
import { expectHydrated } from "../support/hydration";

export type Attendee = {
  fullName: string;
  email: string;
  organisation: string;
  jobTitle: string;
  category: string;
  days: string[];
};

export const uniqueEmail = (tag = "attendee") => `${tag}-${crypto.randomUUID()}@example.test`;

export function attendee(over: Partial<Attendee> = {}): Attendee {
  return {
    fullName: "Chen Jing",
    email: uniqueEmail(),
    organisation: "Example Motors",
    jobTitle: "Engineer",
    category: "Industry",
    days: ["Thursday 11 July 2024"],
    ...over,
  };
}

/** The English registration form, filled the way a person does. */
export class RegisterPage {
  constructor(private readonly page: Page) {}

  async open(locale: "en" | "zh-CN" = "en") {
    await this.page.goto(`/${locale}/register`);
    await expectHydrated(this.page.getByRole("button", { name: /Register|Join the waiting list|提交报名|加入候补名单/ }));
  }

  async fill(a: Attendee) {
    const p = this.page;
    await p.getByLabel("Full name").fill(a.fullName);
    await p.getByLabel("Email").fill(a.email);
    await p.getByLabel("Organisation").fill(a.organisation);
    await p.getByLabel("Job title").fill(a.jobTitle);
    await p.getByLabel("Attendee category").selectOption({ label: a.category });
    for (const day of a.days) await p.getByLabel(day).check();
    await p.getByLabel(/I have read the privacy notice/).check();
  }

  async submit() {
    await this.page.getByRole("button", { name: /^(Register|Join the waiting list)$/ }).click();
  }

  async register(a: Attendee = attendee()) {
    await this.open();
    await this.fill(a);
    await this.submit();
    await expect(this.page).toHaveURL(/\/en\/ticket\/[A-Za-z0-9_-]{32}\?new=1$/);
    return a;
  }
}
