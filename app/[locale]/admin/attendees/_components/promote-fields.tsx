"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckField } from "@/components/form/check-field";
import { controlClass, Field } from "@/components/form/field";

/**
 * The reason and the override of a promotion. Held in state: React resets a form after its action,
 * and a refusal ("the forum is full") must not throw away the reason typed.
 */
export function PromoteFields({ canOverride }: { canOverride: boolean }) {
  const t = useTranslations("attendeesAdmin");
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState(false);
  return (
    <>
      <Field id="promote-reason" label={t("reason")}>
        <textarea
          id="promote-reason"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className={controlClass(false, true)}
        />
      </Field>
      {canOverride && (
        <CheckField id="promote-override" name="override" label={t("overrideCapacity")} checked={override} onChange={(e) => setOverride(e.target.checked)} />
      )}
    </>
  );
}
