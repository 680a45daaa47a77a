package shop.catalog.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Order arithmetic for any basket, not only the examples in {@link TotalsTest} (jqwik, no Quarkus). */
class TotalsPropertyTest {

    @Property
    void mergingKeepsEveryUnitAndNamesEachProductOnceInIdOrder(@ForAll("baskets") List<NewOrder.Line> lines) {
        Map<UUID, Integer> quantities = Totals.quantitiesByProduct(lines);

        int unitsAsked = lines.stream().mapToInt(NewOrder.Line::quantity).sum();
        assertThat(quantities.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(unitsAsked);
        assertThat(quantities.keySet()).containsExactlyInAnyOrderElementsOf(
                lines.stream().map(NewOrder.Line::productId).distinct().toList());
        // lock order: concurrent orders must take the rows in one global order to never deadlock
        assertThat(new ArrayList<>(quantities.keySet())).isSorted();
    }

    @Property
    void theOrderOfTheLinesDoesNotChangeTheBasket(@ForAll("baskets") List<NewOrder.Line> lines) {
        List<NewOrder.Line> reversed = new ArrayList<>(lines);
        java.util.Collections.reverse(reversed);
        assertThat(Totals.quantitiesByProduct(reversed)).isEqualTo(Totals.quantitiesByProduct(lines));
    }

    @Property
    void aLineTotalIsExactToTheCentAndOneMoreUnitCostsOneUnitPrice(@ForAll("prices") BigDecimal unitPrice,
            @ForAll @IntRange(min = 1, max = 9_999) int quantity) {
        BigDecimal total = Totals.lineTotal(unitPrice, quantity);

        assertThat(total.scale()).isEqualTo(2);
        assertThat(Totals.lineTotal(unitPrice, quantity + 1).subtract(total)).isEqualTo(unitPrice);
        assertThat(total.divide(BigDecimal.valueOf(quantity))).isEqualByComparingTo(unitPrice);
    }

    @Property
    void lineTotalsAreDistributive(@ForAll("prices") BigDecimal unitPrice,
            @ForAll @IntRange(min = 1, max = 5_000) int first, @ForAll @IntRange(min = 1, max = 5_000) int second) {
        assertThat(Totals.lineTotal(unitPrice, first).add(Totals.lineTotal(unitPrice, second)))
                .isEqualTo(Totals.lineTotal(unitPrice, first + second));
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        // the catalog's prices: two places, from a cent to a million
        return Arbitraries.longs().between(1, 100_000_000).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<List<NewOrder.Line>> baskets() {
        // a few products, so the same one is often named more than once
        Arbitrary<UUID> products = Arbitraries.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        Arbitrary<NewOrder.Line> line = Combinators.combine(products, Arbitraries.integers().between(1, 10_000))
                .as(NewOrder.Line::new);
        return line.list().ofMinSize(1).ofMaxSize(100);
    }

    @Property
    void noSizeLimitIsNeededForTheMerge(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 1, max = 10_000) Integer> quantities) {
        UUID product = UUID.randomUUID();
        List<NewOrder.Line> lines = quantities.stream().map(q -> new NewOrder.Line(product, q)).toList();
        // 100 lines of at most 10,000 never overflow an int: the bounds of NewOrder make addExact safe
        assertThat(Totals.quantitiesByProduct(lines)).containsExactly(
                Map.entry(product, quantities.stream().mapToInt(Integer::intValue).sum()));
    }
}
