"use client";

import { DecisionForm } from "@/components/form/decision-form";
import { approveProposalAction, returnProposalAction } from "../actions";

/** Approve the speaker's proposed materials as shown, or send them back with a note; `seen` names the version shown. */
export function ProposalDecisionForm({ sessionId, seen }: { sessionId: number; seen: number }) {
  return <DecisionForm namespace="speakerMaterials.review" fields={{ sessionId, seen }} approveAction={approveProposalAction} returnAction={returnProposalAction} />;
}
