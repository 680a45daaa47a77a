package shop.kit.projection;

/**
 * A derived view's drift check against the source of truth (search's index, the feeds): compares,
 * and with {@code repair} writes what drifted. Run one at a time through {@link ViewProgress#checkDrift},
 * on request and on the schedule of {@link DriftSchedule}.
 */
public interface ViewDrift {

    DriftReport run(boolean repair);
}
