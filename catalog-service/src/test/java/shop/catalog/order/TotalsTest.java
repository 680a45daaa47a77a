package shop.catalog.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Order arithmetic alone, no Quarkus. */
class TotalsTest {

    @Test
    void aProductNamedTwiceIsBoughtOnceWithTheQuantitiesAddedInIdOrder() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID b = UUID.fromString("00000000-0000-0000-0000-000000000002");
        var quantities = Totals.quantitiesByProduct(List.of(new NewOrder.Line(b, 1), new NewOrder.Line(a, 2),
                new NewOrder.Line(b, 3)));
        assertThat(quantities).containsExactly(java.util.Map.entry(a, 2), java.util.Map.entry(b, 4));
    }

    @Test
    void lineTotalsKeepTwoPlaces() {
        assertThat(Totals.lineTotal(new BigDecimal("49.50"), 3)).isEqualTo(new BigDecimal("148.50"));
        assertThat(Totals.lineTotal(new BigDecimal("0.10"), 7)).isEqualTo(new BigDecimal("0.70"));
    }
}
