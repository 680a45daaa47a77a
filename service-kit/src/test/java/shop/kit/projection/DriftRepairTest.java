package shop.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import shop.kit.problem.Problem;
import shop.kit.problem.ProblemType;

/** A drift's repair goes a page at a time, and one that stops midway says how far it got. */
class DriftRepairTest {

    private static final List<Integer> DRIFTED = IntStream.range(0, 2_500).boxed().toList();

    @Test
    void everyDriftedRecordIsRepairedOnceInPagesNoLargerThanThePageSize() {
        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        int repaired = DriftRepair.inPages(DRIFTED, 1_000, page -> {
            seen.addAll(page);
            pageSizes.add(page.size());
            return page.size() - 1; // one per page had been fixed by an event meanwhile
        });
        assertThat(seen).isEqualTo(DRIFTED);
        assertThat(pageSizes).containsExactly(1_000, 1_000, 500);
        assertThat(repaired).isEqualTo(2_497);
    }

    @Test
    void noDriftIsNoPage() {
        assertThat(DriftRepair.inPages(List.of(), 10, page -> {
            throw new AssertionError("no page to repair");
        })).isZero();
    }

    @Test
    void aSourceLostMidwayEndsTheRepairWithA503SayingHowFarItGot() {
        List<Integer> pagesTried = new ArrayList<>();
        assertThatThrownBy(() -> DriftRepair.inPages(DRIFTED, 1_000, page -> {
            pagesTried.add(page.get(0));
            if (page.get(0) == 1_000) {
                SourceOfTruth.<Integer>readToRepair(() -> {
                    throw new IllegalStateException("connection refused");
                });
            }
            return page.size();
        })).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.UNAVAILABLE);
            assertThat(problem.headers()).containsKey("Retry-After");
            assertThat(problem.getMessage())
                    .startsWith("catalog-service, the source of truth, does not answer (connection refused)")
                    .contains("the repair stopped after 1000 of the 2500 drifted records (1000 rewritten)")
                    .doesNotContain("nothing was repaired");
        });
        assertThat(pagesTried).as("no page after the one that failed").containsExactly(0, 1_000);
    }
}
