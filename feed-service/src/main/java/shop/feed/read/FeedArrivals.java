package shop.feed.read;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.projection.Arrivals;

/**
 * Readers waiting for an event to reach a feed (read your own writes,
 * {@code GET /api/feed/{userId}?after=<eventId>&waitMs=}); the projection reports each event it wrote
 * (or found written).
 */
@ApplicationScoped
public class FeedArrivals extends Arrivals<UUID, Boolean> {
}
