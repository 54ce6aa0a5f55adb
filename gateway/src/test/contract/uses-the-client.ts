// What a front end writes against the generated types: if a change to the API breaks this, CI fails.
import type { components, operations, paths } from "./target/backlight-api";

type TimeEntry = components["schemas"]["TimeEntry"];
type NewEntry = NonNullable<operations["createTimeEntry"]["requestBody"]>["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
type MonthlyReviewQuery = NonNullable<operations["getMonthlyReview"]["parameters"]["query"]>;
type MonthlyReviewCsv = operations["getMonthlyReview"]["responses"]["200"]["content"]["text/csv"];
type OutputPage = operations["listOutputs"]["responses"]["200"]["content"]["application/json"];

export const entry: NewEntry = { employeeId: 12, functionCode: "SCHEDULING", workDate: "2026-03-02", durationMinutes: 90 };
export const review: MonthlyReviewQuery = { month: "2026-03" };
export const hoursPath: keyof paths = "/api/time/reports/hours";
export const reviewAsCsv: MonthlyReviewCsv = "functionCode,hoursBefore,hoursAfter\n";

/** Every list pages alike: how many pages are left after this one, and what the first item is. */
export function pagesLeft(page: OutputPage): number {
  return Math.max(0, Math.ceil(page.total / page.size) - page.page - 1);
}
export function firstFunction(page: OutputPage): string | undefined {
  return page.items[0]?.functionCode;
}

export function describe(created: TimeEntry, refused: Problem): string {
  return `${created.functionCode} ${created.workDate}; ${refused.status} ${refused.detail ?? ""}`;
}
