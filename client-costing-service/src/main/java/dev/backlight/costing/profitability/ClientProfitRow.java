package dev.backlight.costing.profitability;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.costing.profitability.ProfitabilityService.ClientProfit;

/** One client's profitability as a flat CSV line (the months without financials are left out). */
@JsonPropertyOrder({"clientCode", "clientName", "revenue", "agentCost", "directHours", "allocatedHours", "directCost",
        "allocatedCost", "backOfficeCost", "grossMargin", "marginPercent", "apparentMargin", "apparentMarginPercent",
        "marginPointsHidden"})
record ClientProfitRow(String clientCode, String clientName, BigDecimal revenue, BigDecimal agentCost, BigDecimal directHours,
        BigDecimal allocatedHours, BigDecimal directCost, BigDecimal allocatedCost, BigDecimal backOfficeCost, BigDecimal grossMargin,
        BigDecimal marginPercent, BigDecimal apparentMargin, BigDecimal apparentMarginPercent, BigDecimal marginPointsHidden) {

    static ClientProfitRow of(ClientProfit p) {
        return new ClientProfitRow(p.clientCode(), p.clientName(), p.revenue(), p.agentCost(), p.directHours(), p.allocatedHours(),
                p.directCost(), p.allocatedCost(), p.backOfficeCost(), p.grossMargin(), p.marginPercent(), p.apparentMargin(),
                p.apparentMarginPercent(), p.marginPointsHidden());
    }
}
