/** The form-level message; role="status" rather than "alert" keeps it clear of Next's route announcer. */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  if (!message) return null;
  return (
    <p
      role="status"
      aria-live="polite"
      className={`rounded-md px-3 py-2 text-sm font-medium ${ok ? "bg-brand-50 text-brand-800" : "bg-red-50 text-red-800"}`}
    >
      {message}
    </p>
  );
}
