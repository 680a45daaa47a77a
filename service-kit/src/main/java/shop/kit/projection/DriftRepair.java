package shop.kit.projection;

import java.util.List;
import java.util.function.ToIntFunction;

import shop.kit.problem.Problem;

/**
 * A drift check's repair, once the comparison has confirmed what drifted: the check keeps only the
 * keys of what drifted, and the repair takes them a page at a time, reads each page's records afresh
 * from the source and writes them, so a drift of any size needs the memory of one page (a whole
 * drift's documents at once ran search-service out of heap on 50,000 missing products). A source or
 * view that stops answering midway ends the repair with a 503 saying how much of it was done; every
 * write is version-guarded or conditional, so the next check finds and repairs the rest.
 */
public final class DriftRepair {

    private DriftRepair() {
    }

    /** Repairs {@code confirmed} in pages of {@code pageSize}; {@code repairPage} returns how many of its page it repaired. */
    public static <K> int inPages(List<K> confirmed, int pageSize, ToIntFunction<List<K>> repairPage) {
        int repaired = 0;
        int done = 0;
        for (List<K> page : SourceOfTruth.pages(confirmed, pageSize)) {
            try {
                repaired += repairPage.applyAsInt(page);
            } catch (Problem stopped) {
                throw stopped.withDetail(stopped.getMessage() + "; the repair stopped after " + done + " of the "
                        + confirmed.size() + " drifted records (" + repaired + " rewritten); a check repairs the rest");
            }
            done += page.size();
        }
        return repaired;
    }
}
