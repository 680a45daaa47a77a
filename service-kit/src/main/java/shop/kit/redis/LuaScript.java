package shop.kit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * A Lua script, run with {@code EVALSHA} so that only its 40-character hash crosses the wire. A
 * script Redis does not know yet (first use, or after a restart or {@code SCRIPT FLUSH}) is sent
 * once with {@code EVAL}, which also caches it, and the next call is an {@code EVALSHA} again. Each
 * run is atomic with respect to every other Redis command.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha1;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1(source);
    }

    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    /** {@code lua/<name>.lua} from the class path. */
    public static LuaScript named(String name) {
        String path = "lua/" + name + ".lua";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no script " + path + " on the class path");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String sha1() {
        return sha1;
    }

    /** Runs the script on {@code keys} and {@code args}. */
    public Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        List<String> argv = new ArrayList<>(2 + keys.size() + args.size());
        argv.add(sha1);
        argv.add(Integer.toString(keys.size()));
        argv.addAll(keys);
        argv.addAll(args);
        String[] bySha = argv.toArray(String[]::new);
        String[] byText = bySha.clone();
        byText[0] = source;
        return redis.execute("EVALSHA", bySha)
                .onFailure(e -> errorReply(e).map(message -> message.startsWith("NOSCRIPT")).orElse(false))
                .recoverWithUni(() -> redis.execute("EVAL", byText));
    }

    /**
     * The message of an error reply from Redis among {@code failure}'s causes, if any: Redis
     * answered "no" (a bug here, or a script's own error), as opposed to not answering (an outage).
     * The Vert.x client delivers error replies as {@code ErrorType}, an impl class, but the only
     * type that tells the two apart.
     */
    public static Optional<String> errorReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ErrorType error) {
                return Optional.of(Objects.requireNonNullElse(error.getMessage(), ""));
            }
        }
        return Optional.empty();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
