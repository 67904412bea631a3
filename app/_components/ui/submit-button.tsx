"use client";

import { useFormStatus } from "react-dom";

import { primaryButton, secondaryButton } from "./button-styles";

type Props = { children: React.ReactNode; pendingLabel?: string; className?: string; variant?: "primary" | "secondary" };

export function SubmitButton({ children, pendingLabel, className, variant = "primary" }: Props) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`${variant === "primary" ? primaryButton : secondaryButton} ${className ?? ""}`}
    >
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}
