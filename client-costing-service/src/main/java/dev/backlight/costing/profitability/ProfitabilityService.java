package dev.backlight.costing.profitability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.financials.FinancialsService;
import dev.backlight.costing.money.Amounts;
import dev.backlight.costing.policy.AllocationPolicy;
import dev.backlight.costing.policy.PolicyTerms;
import dev.backlight.costing.policy.PolicyService;
import dev.backlight.costing.rates.RateBook;
import dev.backlight.costing.rates.RateService;
import dev.backlight.costing.upstream.Directory;
import dev.backlight.costing.upstream.DirectoryService;
import dev.backlight.costing.upstream.TimeService;
import dev.backlight.costing.upstream.TimeServiceClient.HoursReport;
import dev.backlight.costing.upstream.TimeServiceClient.HoursRow;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import dev.backlight.support.problem.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What each client really earns once its back-office time is paid for: revenue, agent cost, direct and allocated
 * back-office hours costed at the rates in force on each day, the true gross margin, and the apparent margin without
 * back-office cost beside it. Also each client's back-office load by function and the multi-client overhead ratio.
 */
@ApplicationScoped
public class ProfitabilityService {

    @Schema(name = "ClientProfitability")
    public record ClientProfit(
            @Schema(example = "CLIENT-B") String clientCode,
            @Schema(example = "Client B") String clientName,
            @Schema(example = "50000.00") BigDecimal revenue,
            @Schema(example = "35000.00") BigDecimal agentCost,
            @Schema(description = "Hours logged against the client", example = "200.00") BigDecimal directHours,
            @Schema(description = "Its share of the shared hours under the allocation policy", example = "0.00") BigDecimal allocatedHours,
            @Schema(example = "5000.00") BigDecimal directCost,
            @Schema(example = "0.00") BigDecimal allocatedCost,
            @Schema(description = "directCost + allocatedCost", example = "5000.00") BigDecimal backOfficeCost,
            @Schema(description = "revenue - agentCost - backOfficeCost", example = "10000.00") BigDecimal grossMargin,
            @Schema(example = "20.00") BigDecimal marginPercent,
            @Schema(description = "revenue - agentCost: the margin as it looks without back-office cost", example = "15000.00") BigDecimal apparentMargin,
            @Schema(example = "30.00") BigDecimal apparentMarginPercent,
            @Schema(description = "Percentage points of margin the back office takes", example = "10.00") BigDecimal marginPointsHidden,
            @Schema(description = "Months of the period without financials for the client (counted as zero)") List<YearMonth> monthsWithoutFinancials) {
    }

    @Schema(name = "Profitability")
    public record Profitability(
            @Schema(example = "2026-03") YearMonth from,
            @Schema(description = "Inclusive", example = "2026-03") YearMonth to,
            @Schema(example = "USD") String currency,
            @Schema(example = "REVENUE") AllocationPolicy allocation,
            List<ClientProfit> clients,
            @Schema(description = "Hours logged without a client", example = "24.00") BigDecimal sharedHours,
            @Schema(example = "600.00") BigDecimal sharedCost,
            @Schema(description = "Shared cost not spread over clients (allocation NONE, or nothing to weigh by)", example = "0.00") BigDecimal unallocatedCost,
            @Schema(example = "130000.00") BigDecimal totalRevenue,
            @Schema(example = "29000.00") BigDecimal totalGrossMargin,
            @Schema(example = "22.31") BigDecimal totalMarginPercent) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(ClientProfitRow.class, clients, ClientProfitRow::of);
        }
    }

    @Schema(name = "ClientFunctionLoad", description = "A client's back-office hours in one function")
    public record FunctionLoad(@Schema(example = "CLIENT-A") String clientCode, @Schema(example = "REPORTING") String functionCode,
            @Schema(example = "12.00") BigDecimal hours,
            @Schema(description = "Share of the client's back-office hours", example = "15.00") BigDecimal percentOfClient) {
    }

    @Schema(name = "ClientLoad")
    public record ClientLoad(
            @Schema(example = "2026-03") YearMonth from,
            @Schema(example = "2026-03") YearMonth to,
            List<FunctionLoad> functions,
            @Schema(description = "Clients with back-office hours in the period", example = "3") int clients,
            @Schema(description = "Hours logged against clients", example = "440.00") BigDecimal clientHours,
            @Schema(description = "Hours logged without a client", example = "24.00") BigDecimal sharedHours,
            @Schema(description = "The policy's single-client baseline for the period; null when not set", example = "100.00") BigDecimal singleClientBaselineHours,
            @Schema(description = "All back-office hours / the single-client baseline: how many single-client operations' worth "
                    + "of back-office work the clients take (the seed: 8 clients are about 4-6x)", example = "4.64") BigDecimal overheadRatio) implements CsvExportable {
        @Override
        public CsvTable csvTable() {
            return CsvTable.of(FunctionLoad.class, functions);
        }
    }

    private record Local(RateBook rates, List<FinancialsService.ClientMonthFigures> months, PolicyTerms policy) {
    }

    /** Periods of unchanged rates costed in one request: each is one read of time-service. */
    public static final int MAX_RATE_PERIODS = 48;
    /** Reads of time-service one request makes at the same time. */
    private static final int PARALLEL_READS = 4;

    private final TimeService time;
    private final DirectoryService directory;
    private final RateService rates;
    private final FinancialsService months;
    private final PolicyService policies;

    ProfitabilityService(TimeService time, DirectoryService directory, RateService rates, FinancialsService months,
            PolicyService policies) {
        this.time = time;
        this.directory = directory;
        this.rates = rates;
        this.months = months;
        this.policies = policies;
    }

    public Uni<Profitability> profitability(YearMonth from, YearMonth to) {
        LocalDate start = from.atDay(1);
        LocalDate end = to.plusMonths(1).atDay(1);
        return directory.load().chain(dir -> local(from, to).chain(local -> {
            RateBook book = local.rates().withTeams(dir.teams());
            List<RateBook.Segment> segments = book.segments(start, end);
            if (segments.size() > MAX_RATE_PERIODS) {
                throw ApiException.invalidField("to", "the months hold " + segments.size() + " periods of different labour "
                        + "rates; at most " + MAX_RATE_PERIODS + " are costed in one request, so ask for fewer months");
            }
            // Hours of each period of unchanged rates, a few reads at a time, in the periods' order.
            return Multi.createFrom().range(0, segments.size()).onItem()
                    .transformToUni(i -> time.hoursByClientAndEmployee(segments.get(i).from(), segments.get(i).to())
                            .map(report -> Map.entry(i, report)))
                    .merge(PARALLEL_READS).collect().asList()
                    .map(read -> read.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList())
                    .map(reports -> compute(from, to, dir, local, book, segments, reports));
        }));
    }

    public Uni<ClientLoad> clientLoad(YearMonth from, YearMonth to) {
        LocalDate start = from.atDay(1);
        LocalDate end = to.plusMonths(1).atDay(1);
        return time.hoursByClientAndFunction(start, end).chain(report -> policies.terms().map(policy -> {
            Map<String, BigDecimal> perClient = new HashMap<>();
            BigDecimal shared = BigDecimal.ZERO;
            for (HoursRow row : report.rows()) {
                BigDecimal hours = Amounts.hoursOf(row.seconds());
                if (row.clientCode() == null) {
                    shared = shared.add(hours);
                } else {
                    perClient.merge(row.clientCode(), hours, BigDecimal::add);
                }
            }
            List<FunctionLoad> functions = report.rows().stream().filter(row -> row.clientCode() != null)
                    .sorted(Comparator.comparing(HoursRow::clientCode).thenComparing(HoursRow::functionCode))
                    .map(row -> new FunctionLoad(row.clientCode(), row.functionCode(), Amounts.hours(Amounts.hoursOf(row.seconds())),
                            Amounts.percent(Amounts.hoursOf(row.seconds()), perClient.get(row.clientCode()))))
                    .toList();
            BigDecimal clientHours = perClient.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal baseline = policy.singleClientBaselineHours() == null ? null
                    : policy.singleClientBaselineHours().multiply(BigDecimal.valueOf(from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1));
            BigDecimal ratio = baseline == null ? null
                    : clientHours.add(shared).divide(baseline, 2, RoundingMode.HALF_UP);
            return new ClientLoad(from, to, functions, perClient.size(), Amounts.hours(clientHours), Amounts.hours(shared),
                    Amounts.hours(baseline), ratio);
        }));
    }

    /** The rates, the months' financials and the policy, each read in its own short session. */
    private Uni<Local> local(YearMonth from, YearMonth to) {
        return rates.book().chain(book -> months.figuresBetween(from, to)
                .chain(monthList -> policies.terms().map(policy -> new Local(book, monthList, policy))));
    }

    /** Running totals of one client (or of the shared hours), exact until presented. */
    private static final class Tally {
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal agentCost = BigDecimal.ZERO;
        BigDecimal headcount = BigDecimal.ZERO;
        final TreeSet<YearMonth> monthsWithFinancials = new TreeSet<>();
    }

    private static Profitability compute(YearMonth from, YearMonth to, Directory dir, Local local, RateBook book,
            List<RateBook.Segment> segments, List<HoursReport> reports) {
        Map<String, Tally> clients = new HashMap<>();
        Tally shared = new Tally();
        for (int i = 0; i < segments.size(); i++) {
            LocalDate day = segments.get(i).from();
            for (HoursRow row : reports.get(i).rows()) {
                Tally tally = row.clientCode() == null ? shared : clients.computeIfAbsent(row.clientCode(), c -> new Tally());
                BigDecimal hours = Amounts.hoursOf(row.seconds());
                tally.hours = tally.hours.add(hours);
                tally.cost = tally.cost.add(hours.multiply(book.rateFor(row.employeeId(), day).hourly()));
            }
        }
        for (FinancialsService.ClientMonthFigures month : local.months()) {
            Tally tally = clients.computeIfAbsent(month.clientCode(), c -> new Tally());
            tally.revenue = tally.revenue.add(month.revenue());
            tally.agentCost = tally.agentCost.add(month.agentCost());
            tally.headcount = tally.headcount.add(BigDecimal.valueOf(month.agentHeadcount() == null ? 0 : month.agentHeadcount()));
            tally.monthsWithFinancials.add(month.month());
        }

        AllocationPolicy allocation = local.policy().allocation();
        Map<String, BigDecimal> weights = new HashMap<>();
        clients.forEach((code, tally) -> weights.put(code, switch (allocation) {
            case NONE -> BigDecimal.ZERO;
            case REVENUE -> tally.revenue;
            case DIRECT_HOURS -> tally.hours;
            case AGENT_HEADCOUNT -> tally.headcount;
        }));
        BigDecimal totalWeight = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean allocated = allocation != AllocationPolicy.NONE && totalWeight.signum() > 0;

        Amounts amounts = new Amounts(dir.currency());
        List<ClientProfit> lines = new ArrayList<>();
        BigDecimal totalRevenue = BigDecimal.ZERO;
        BigDecimal totalMargin = BigDecimal.ZERO;
        List<String> codes = new ArrayList<>(clients.keySet());
        codes.sort(Comparator.naturalOrder());
        for (String code : codes) {
            Tally tally = clients.get(code);
            BigDecimal share = allocated ? weights.get(code).divide(totalWeight, Amounts.EXACT, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            BigDecimal allocatedHours = shared.hours.multiply(share);
            BigDecimal allocatedCost = shared.cost.multiply(share);
            BigDecimal backOffice = tally.cost.add(allocatedCost);
            BigDecimal apparent = tally.revenue.subtract(tally.agentCost);
            BigDecimal margin = apparent.subtract(backOffice);
            BigDecimal marginPercent = Amounts.percent(margin, tally.revenue);
            BigDecimal apparentPercent = Amounts.percent(apparent, tally.revenue);
            List<YearMonth> missing = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                if (!tally.monthsWithFinancials.contains(m)) {
                    missing.add(m);
                }
            }
            lines.add(new ClientProfit(code, dir.clientName(code), amounts.money(tally.revenue), amounts.money(tally.agentCost),
                    Amounts.hours(tally.hours), Amounts.hours(allocatedHours), amounts.money(tally.cost), amounts.money(allocatedCost),
                    amounts.money(backOffice), amounts.money(margin), marginPercent, amounts.money(apparent), apparentPercent,
                    marginPercent == null ? null : apparentPercent.subtract(marginPercent), missing));
            totalRevenue = totalRevenue.add(tally.revenue);
            totalMargin = totalMargin.add(margin);
        }
        BigDecimal unallocated = allocated ? BigDecimal.ZERO : shared.cost;
        totalMargin = totalMargin.subtract(unallocated);
        return new Profitability(from, to, dir.tenant().currency(), allocation, lines, Amounts.hours(shared.hours),
                amounts.money(shared.cost), amounts.money(unallocated), amounts.money(totalRevenue), amounts.money(totalMargin),
                Amounts.percent(totalMargin, totalRevenue));
    }
}
