package shop.session.redis;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * Runs Lua scripts with {@code EVALSHA}, so only the 40-character hash crosses the wire. A
 * script Redis does not know yet (first call, or after a restart or {@code SCRIPT FLUSH}) is
 * loaded with {@code SCRIPT LOAD} and the call repeated once. Each script runs atomically.
 */
@ApplicationScoped
public class Scripts {

    private final RedisDataSource redis;

    public Scripts(RedisDataSource redis) {
        this.redis = redis;
    }

    public Response run(LuaScript script, List<String> keys, List<String> args) {
        List<String> evalArgs = new ArrayList<>(2 + keys.size() + args.size());
        evalArgs.add(script.sha1());
        evalArgs.add(Integer.toString(keys.size()));
        evalArgs.addAll(keys);
        evalArgs.addAll(args);
        String[] argv = evalArgs.toArray(String[]::new);
        try {
            return redis.execute("EVALSHA", argv);
        } catch (RuntimeException e) {
            if (!unknownScript(e)) {
                throw e;
            }
            redis.execute("SCRIPT", "LOAD", script.source());
            return redis.execute("EVALSHA", argv);
        }
    }

    private static boolean unknownScript(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
