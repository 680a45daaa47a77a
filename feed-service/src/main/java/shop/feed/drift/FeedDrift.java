package shop.feed.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import shop.feed.FeedConfig;
import shop.feed.item.FeedItem;
import shop.feed.item.FeedStoreUnavailable;
import shop.feed.item.FeedTable;
import shop.feed.projection.OrderData;
import shop.feed.projection.OutboxEnvelope;
import shop.kit.problem.Problem;
import shop.kit.projection.DriftRepair;
import shop.kit.projection.DriftReport;
import shop.kit.projection.SourceOfTruth;
import shop.kit.projection.Suspects;
import shop.kit.projection.ViewDrift;
import shop.kit.projection.ViewProgress;

/**
 * Compares the buyers' feeds with the order events catalog-service's orders imply, and repairs them
 * on request.
 *
 * <ol>
 * <li>One pass over catalog's orders of the feed's window (its TTL, 90 days), buyer by buyer: each
 * buyer's order items (type {@code order.*}, found by type and order id) against the events the orders
 * imply ({@code order.placed}, {@code order.paid}, {@code order.cancelled}). An implied event without
 * its item, and an order item no order of the buyer implies, are suspects.</li>
 * <li>Suspects are read again (kit's {@link Suspects}) until they agree or have differed for longer
 * than the grace plus the feed's current lag: writes in flight are lag, not drift.</li>
 * <li>Repair writes exactly the missing items, a page at a time read again from catalog (kit's
 * {@link DriftRepair}: the check keeps keys only), with the projection's conditional put and the same
 * key (catalog derives each order event's id and time from the order), so an event delivered later
 * finds its item there and writes nothing; an extra item is deleted.</li>
 * </ol>
 * Feed items are immutable events: an item is there or not, so {@code stale} is always 0. Extra items
 * are looked for among the buyers of the window's orders (a scan of the whole table is not made).
 * Nothing is repaired unless the whole check could read catalog-service (503 otherwise).
 */
@ApplicationScoped
public class FeedDrift implements ViewDrift {

    private static final String ORDER = "order.";

    /** One buyer's order event: the type and the order's id. */
    private record EventKey(String userId, String orderId, String type) {
    }

    /** A confirmed drift: an item the orders imply and the feed lacks ({@code missing}), or one they do not imply. */
    private record Drifted(EventKey key, boolean missing) {
    }

    private final FeedTable table;
    private final CatalogOrders catalog;
    private final ViewProgress progress;
    private final FeedConfig config;
    private final ObjectMapper json;

    FeedDrift(FeedTable table, CatalogOrders catalog, ViewProgress progress, FeedConfig config, ObjectMapper json) {
        this.table = table;
        this.catalog = catalog;
        this.progress = progress;
        this.config = config;
        this.json = json;
    }

    /** Checks (and with {@code repair}, repairs) the feeds; 409 while another check runs. */
    public DriftReport check(boolean repair) {
        return progress.checkDrift(() -> run(repair));
    }

    @Override
    public DriftReport run(boolean repair) {
        Instant since = Instant.now().minus(config.ttl());
        DriftReport.Findings findings = new DriftReport.Findings();
        Suspects<EventKey> suspects = new Suspects<>();
        // catalog pages by (buyer, order): a buyer whose orders span pages is compared once, when their
        // last order has arrived, so their feed is read once however many orders they have
        List<CatalogOrders.Implied> buyer = new ArrayList<>();
        String after = null;
        do {
            String position = after;
            CatalogOrders.Page page = SourceOfTruth.read(() -> catalog.page(position, since.toString(), config.drift().pageSize()));
            for (CatalogOrders.Implied order : page.items()) {
                if (!buyer.isEmpty() && !buyer.get(0).userId().equals(order.userId())) {
                    compare(buyer, since, findings, suspects);
                    buyer.clear();
                }
                buyer.add(order);
            }
            after = page.next();
        } while (after != null);
        if (!buyer.isEmpty()) {
            compare(buyer, since, findings, suspects);
        }

        List<Drifted> drifted = new ArrayList<>();
        progress.settle(suspects, keys -> reread(keys, since, findings, drifted));
        if (repair) {
            findings.repaired(DriftRepair.inPages(drifted, config.drift().pageSize(), page -> repair(page, since)));
        }
        return findings.report("feed", repair);
    }

    /** One buyer's orders against their feed: differences become suspects. */
    private void compare(List<CatalogOrders.Implied> orders, Instant since, DriftReport.Findings findings,
            Suspects<EventKey> suspects) {
        Map<EventKey, JsonNode> expected = events(orders, since);
        Map<EventKey, FeedItem> held = orderItems(orders.get(0).userId(), since);
        findings.checked(expected.size());
        Instant now = Instant.now();
        expected.forEach((key, event) -> {
            if (!held.containsKey(key)) {
                suspects.add(key, Instant.parse(event.path("occurredAt").asText()));
            }
        });
        held.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(key -> {
            findings.checked(1);
            suspects.add(key, now);
        });
    }

    /**
     * The suspects read again, a page at a time: the orders from catalog, the buyers' items from the
     * table. What is drift is kept as its key only; the repair reads it again.
     */
    private Map<EventKey, Suspects.Look> reread(List<EventKey> keys, Instant since, DriftReport.Findings findings,
            List<Drifted> drifted) {
        Map<EventKey, Suspects.Look> looks = new HashMap<>();
        for (List<EventKey> page : SourceOfTruth.pages(keys, config.drift().pageSize())) {
            Map<EventKey, JsonNode> expected = events(SourceOfTruth.read(() -> catalog.lookup(orderIds(page))), since);
            Map<String, Map<EventKey, FeedItem>> heldByBuyer = new HashMap<>();
            for (EventKey key : page) {
                JsonNode event = expected.get(key);
                boolean held = heldByBuyer.computeIfAbsent(key.userId(), user -> orderItems(user, since)).containsKey(key);
                if ((event != null) == held) {
                    looks.put(key, Suspects.AGREES); // both there, or neither
                } else if (event != null) {
                    looks.put(key, new Suspects.Differs(Instant.parse(event.path("occurredAt").asText()), () -> {
                        findings.missing(key.orderId() + "/" + key.type());
                        drifted.add(new Drifted(key, true));
                    }));
                } else {
                    looks.put(key, new Suspects.Differs(null, () -> {
                        findings.extra(key.orderId() + "/" + key.type());
                        drifted.add(new Drifted(key, false));
                    }));
                }
            }
        }
        return looks;
    }

    /**
     * One page of the repair, read again: a missing item written from its order's event as catalog
     * implies it now (an order gone from the window since is skipped), an extra item deleted if it is
     * still there; returns how many were written or deleted.
     */
    private int repair(List<Drifted> page, Instant since) {
        List<EventKey> missing = page.stream().filter(Drifted::missing).map(Drifted::key).toList();
        Map<EventKey, JsonNode> expected = missing.isEmpty() ? Map.of()
                : events(SourceOfTruth.readToRepair(() -> catalog.lookup(orderIds(missing))), since);
        Map<String, Map<EventKey, FeedItem>> heldByBuyer = new HashMap<>();
        int repaired = 0;
        for (Drifted drift : page) {
            if (drift.missing()) {
                JsonNode event = expected.get(drift.key());
                if (event != null) {
                    repaired += table.add(OutboxEnvelope.toItem("order", event.toString(), config.ttl())) ? 1 : 0;
                }
            } else {
                FeedItem extra = heldByBuyer.computeIfAbsent(drift.key().userId(), user -> orderItems(user, since))
                        .get(drift.key());
                if (extra != null) {
                    repaired += table.remove(extra) ? 1 : 0;
                }
            }
        }
        return repaired;
    }

    private static List<String> orderIds(List<EventKey> keys) {
        return keys.stream().map(EventKey::orderId).distinct().toList();
    }

    /** The events these orders imply within the window, by buyer, order and type. */
    private static Map<EventKey, JsonNode> events(List<CatalogOrders.Implied> orders, Instant since) {
        Map<EventKey, JsonNode> events = new LinkedHashMap<>();
        for (CatalogOrders.Implied order : orders) {
            for (JsonNode event : order.events()) {
                if (!Instant.parse(event.path("occurredAt").asText()).isBefore(since)) {
                    events.put(new EventKey(order.userId(), order.orderId(), event.path("type").asText()), event);
                }
            }
        }
        return events;
    }

    /** The buyer's order items within the window, by order and type. */
    private Map<EventKey, FeedItem> orderItems(String userId, Instant since) {
        Map<EventKey, FeedItem> items = new HashMap<>();
        try {
            for (FeedItem item : table.since(UUID.fromString(userId), since)) {
                String orderId = orderId(item);
                // an item whose order cannot be read is not the check's to judge (nor to delete)
                if (item.type().startsWith(ORDER) && orderId != null) {
                    items.put(new EventKey(userId, orderId, item.type()), item);
                }
            }
        } catch (FeedStoreUnavailable down) {
            throw Problem.unavailable("the feed store does not answer");
        }
        return items;
    }

    /** The order id in the item's data, or null when it holds none. */
    private String orderId(FeedItem item) {
        try {
            // read as the projection reads events: a retired order.paid {order, payment} is the one order shape
            String id = OrderData.of(item.type(), json.readTree(item.data())).path("id").asText("");
            return UUID.fromString(id).toString().equals(id) ? id : null;
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
