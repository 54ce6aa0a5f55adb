import { createContext, useContext } from "react";
import type { Schemas } from "./api/client";

/** The tenant's settings every view formats with: its zone for days and times, its currency for money. */
export const TenantContext = createContext<Schemas["Tenant"]>({ timeZone: "UTC", currency: "USD", weekStart: "MONDAY" });

export function useTenant(): Schemas["Tenant"] {
  return useContext(TenantContext);
}

const locale = typeof navigator === "undefined" ? "en-US" : navigator.language;

export function number(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function hours(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${number(value)} h`;
}

export function minutes(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${number(value, 1)} min`;
}

export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "—" : `${number(value, digits)} %`;
}

export function money(value: number | null | undefined, currency: string | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency ?? "USD" }).format(value);
}

/** A calendar day (ISO yyyy-mm-dd, no zone) as the user reads dates. */
export function day(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** An instant as the wall clock shows it in a zone (the tenant's, or the zone it was captured in). */
export function dateTime(instant: string | null | undefined, zone: string | undefined): string {
  if (!instant) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(instant));
}

export function time(instant: string | null | undefined, zone: string | undefined): string {
  if (!instant) return "—";
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: zone }).format(new Date(instant));
}

/** Today's date in a zone, as yyyy-mm-dd. */
export function today(zone: string | undefined): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const weekdays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/** The first day of the tenant's week holding a day. */
export function weekStartOf(iso: string, weekStart: string | undefined): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  const first = weekdays.indexOf(weekStart ?? "MONDAY");
  return addDays(iso, -((weekday - first + 7) % 7));
}

export function weekdayName(iso: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** yyyy-mm of a day, and the month before or after. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [year, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, m - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A constant's name in words: SUPERVISOR_AD_HOC_REQUEST → "Supervisor ad hoc request". */
export function words(constant: string | null | undefined): string {
  if (!constant) return "—";
  const text = constant.toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
