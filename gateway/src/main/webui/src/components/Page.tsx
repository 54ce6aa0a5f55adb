import type { ReactNode } from "react";
import type { Load } from "../hooks";
import type { ProblemError } from "../api/client";

/** A view's frame: its title, what it is for, its controls, and its content. */
export function Page({ title, intro, controls, children }: { title: string; intro?: ReactNode; controls?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {intro && <p className="intro">{intro}</p>}
        {controls && <div className="controls">{controls}</div>}
      </header>
      {children}
    </section>
  );
}

/** A refusal or failure in words, as the API's problem details say it. */
export function ProblemView({ error }: { error: ProblemError | undefined }) {
  if (!error) return null;
  const { problem } = error;
  return (
    <div className="problem" role="alert">
      <strong>{problem.title ?? "Something went wrong"}</strong>
      {problem.detail && <span> {problem.detail}</span>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((fault, i) => (
            <li key={i}>
              <code>{fault.field}</code> {fault.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Loading, error and empty states around what a view shows once its data is in. */
export function Loaded<T>({ load, empty, emptyText, children }: {
  load: Load<T>;
  empty?: (data: T) => boolean;
  emptyText?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (load.state === "loading") return <p className="status" role="status">Loading…</p>;
  if (load.state === "failed") return <ProblemView error={load.error} />;
  if (empty?.(load.data)) return <p className="empty">{emptyText ?? "Nothing here yet."}</p>;
  return <>{children(load.data)}</>;
}
