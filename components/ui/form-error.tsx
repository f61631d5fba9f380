// The message for a failure that belongs to no single field (a rejected sign-in, a server error), announced
// as an alert. `inline` is the quieter red text used inside compact cards and list rows.
export function FormError({
  message,
  inline = false,
  className = "",
}: {
  message: string | null | undefined;
  inline?: boolean;
  className?: string;
}) {
  if (!message) return null;
  const look = inline ? "text-sm text-red-700" : "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800";
  return (
    <p role="alert" className={className ? `${look} ${className}` : look}>
      {message}
    </p>
  );
}
