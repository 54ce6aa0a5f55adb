import { useState, type FormEvent, type ReactNode } from "react";
import { ProblemError } from "../api/client";
import { ProblemView } from "./Page";

/**
 * A form whose submission calls the API: busy while it runs, the refusal in words when the API says no, and a
 * confirmation when it went through.
 */
export function ActionForm({ label, submit, done, children, className }: {
  label: string;
  submit: () => Promise<unknown>;
  done?: string;
  children?: ReactNode;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProblemError>();
  const [message, setMessage] = useState<string>();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await submit();
      setMessage(done);
    } catch (failure) {
      setError(failure instanceof ProblemError ? failure : new ProblemError({ title: String(failure) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className={className ?? "action-form"} onSubmit={onSubmit} aria-label={label}>
      {children}
      <button type="submit" disabled={busy}>{busy ? "Working…" : label}</button>
      {message && <p className="done" role="status">{message}</p>}
      <ProblemView error={error} />
    </form>
  );
}

/** One button that calls the API, with the refusal shown beside it. */
export function ActionButton({ label, run, className }: { label: string; run: () => Promise<unknown>; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProblemError>();
  async function onClick() {
    setBusy(true);
    setError(undefined);
    try {
      await run();
    } catch (failure) {
      setError(failure instanceof ProblemError ? failure : new ProblemError({ title: String(failure) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="action-button">
      <button type="button" className={className} onClick={onClick} disabled={busy}>{label}</button>
      <ProblemView error={error} />
    </span>
  );
}
