"use client";
// Submitting a directory form (agent, skill): save, then go back to the list, which greets the saved item
// (?saved=id, see saved-id.ts). A failed save lands on the form's fields where it can, and otherwise
// becomes one message for the top of the form.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { applyServerErrors } from "./server-errors";

export function useSaveAndReturn<T extends FieldValues>({
  listPath,
  fields,
  setError,
}: {
  listPath: string;
  fields: readonly Path<T>[];
  setError: UseFormSetError<T>;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const saveAndReturn = async (save: () => Promise<{ id: string }>) => {
    setFormError(null);
    try {
      const saved = await save();
      router.push(`${listPath}?saved=${saved.id}`);
    } catch (error) {
      setFormError(applyServerErrors(error, fields, setError));
    }
  };
  return { formError, saveAndReturn };
}
