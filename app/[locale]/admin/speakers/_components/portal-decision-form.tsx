"use client";

import { DecisionForm } from "@/components/form/decision-form";
import { approveProfileAction, returnProfileAction } from "../portal-actions";

/** Approve the speaker's proposed profile as shown, or send it back with a note; `seen` names the version shown. */
export function PortalDecisionForm({ id, locale, seen }: { id: number; locale: string; seen: number }) {
  return <DecisionForm namespace="speakerPortalAdmin" fields={{ id, locale, seen }} approveAction={approveProfileAction} returnAction={returnProfileAction} />;
}
