"use client";

import { primaryButton } from "@/app/_components/ui/button-styles";

export function PrintButton() {
  return (
    <button type="button" className={primaryButton} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
