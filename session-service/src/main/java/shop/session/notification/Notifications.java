package shop.session.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import shop.kit.identity.Caller;
import shop.session.SessionConfig;

/**
 * Notifications over Redis pub/sub, one channel per user ({@code session:notify:<userId>}):
 * whichever instance publishes, every instance with a stream open for that user receives it.
 * Pub/sub keeps nothing: a notification sent while nobody listens is gone (live only, at most
 * once).
 *
 * <p>Each open stream holds one connection in {@code SUBSCRIBE} mode from the Redis client named
 * {@code notifications}, a pool of its own, so open streams can never starve the sessions' hot
 * path of connections. The connection's handler is in place before {@code SUBSCRIBE} is sent (the
 * client's own subscribe helpers register it afterwards and can miss the confirmation), and the
 * subscription is confirmed before the response starts, so an unreachable Redis is a 503.
 *
 * <p>A user's notifications are theirs or an admin's to send and read; anyone else gets 404.
 */
@ApplicationScoped
public class Notifications {

    static final String CHANNEL_PREFIX = "session:notify:";
    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final PubSubCommands<Notification> publisher;
    private final ReactiveRedisDataSource subscriptions;
    private final SessionConfig config;
    private final ObjectMapper json;
    private final Caller caller;

    public Notifications(RedisDataSource redis, @RedisClientName("notifications") ReactiveRedisDataSource subscriptions,
            SessionConfig config, ObjectMapper json, Caller caller) {
        this.publisher = redis.pubsub(Notification.class);
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
        this.caller = caller;
    }

    public Notification publish(UUID userId, NewNotification request) {
        caller.requireOwnOrAdmin(userId, "user");
        String user = userId.toString();
        Notification notification = new Notification(UUID.randomUUID().toString(), user, request.message(), Instant.now());
        publisher.publish(CHANNEL_PREFIX + user, notification);
        return notification;
    }

    /** Blocks until Redis confirms the subscription; the stream ends the subscription when it ends. */
    public Multi<Notification> stream(UUID userId) {
        caller.requireOwnOrAdmin(userId, "user");
        String user = userId.toString();
        // buffers what arrives before the HTTP response subscribes, so nothing is lost in between
        UnicastProcessor<Notification> events = UnicastProcessor.create();
        RedisConnection connection = subscriptions.getRedis().connect().await().atMost(config.subscribeTimeout());
        connection.handler(message -> deliver(message, events));
        connection.exceptionHandler(events::onError);
        connection.endHandler(events::onComplete);
        try {
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL_PREFIX + user))
                    .await().atMost(config.subscribeTimeout());
        } catch (RuntimeException e) {
            connection.closeAndForget();
            throw e;
        }
        return events.onTermination().invoke(connection::closeAndForget);
    }

    /** Pushes on a subscribed connection: {@code [message, channel, payload]}; confirmations are skipped. */
    private void deliver(Response push, UnicastProcessor<Notification> events) {
        if (push == null || push.size() < 3 || !"message".equalsIgnoreCase(push.get(0).toString())) {
            return;
        }
        try {
            events.onNext(json.readValue(push.get(2).toString(), Notification.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped a notification that is not ours: %s", e.getOriginalMessage());
        }
    }
}
