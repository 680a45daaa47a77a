package shop.session.flag;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import shop.kit.problem.Problem;

/** Feature flags, one JSON value per flag at {@code session:flag:<name>} (no TTL). */
@ApplicationScoped
public class Flags {

    static final String PREFIX = "session:flag:";

    private final ValueCommands<String, Flag> values;

    public Flags(RedisDataSource redis) {
        this.values = redis.value(Flag.class);
    }

    public Flag define(String name, FlagDefinition definition) {
        Set<String> users = new TreeSet<>();
        if (definition.users() != null) {
            definition.users().forEach(user -> users.add(user.toString()));
        }
        Flag flag = new Flag(name, definition.enabled(), definition.rolloutPercent(), users, Instant.now());
        values.set(PREFIX + name, flag);
        return flag;
    }

    public Flag get(String name) {
        Flag flag = values.get(PREFIX + name);
        if (flag == null) {
            throw Problem.notFound("No flag " + name);
        }
        return flag;
    }

    /** One GET, then the pure rule ({@link Rollout}). */
    public Evaluation evaluate(String name, UUID userId) {
        String user = userId.toString();
        return new Evaluation(name, user, get(name).isOnFor(user));
    }
}
