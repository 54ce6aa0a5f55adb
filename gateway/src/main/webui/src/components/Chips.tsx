import { words } from "../format";

const bandText: Record<string, string> = {
  EFFICIENT: "Efficient",
  GOOD: "Good",
  REASONABLE: "Reasonable",
  NEEDS_ATTENTION: "Needs attention",
  SLOW: "Slow",
  NO_OUTPUT: "No output",
};

/** A function's benchmark band as a coloured chip (the word is always there, colour only repeats it). */
export function BandChip({ band }: { band: string | null | undefined }) {
  if (!band) return <span className="chip chip-none">No band</span>;
  return <span className={`chip band-${band.toLowerCase()}`}>{bandText[band] ?? words(band)}</span>;
}

const tone: Record<string, string> = {
  ON_TRACK: "good", ACHIEVED: "good", APPROVED: "good",
  AT_RISK: "warn", SUBMITTED: "warn", NOT_STARTED: "none", OPEN: "none", NO_DATA: "none",
  MISSED: "bad", REJECTED: "bad", OVER_CONTRACT: "warn", AFTER_HOURS: "warn", SUSTAINED_OVERLOAD: "bad",
};

/** A status or flag as a chip, coloured by what it means for the reader. */
export function StatusChip({ status }: { status: string | null | undefined }) {
  return <span className={`chip tone-${tone[status ?? ""] ?? "none"}`}>{words(status)}</span>;
}
