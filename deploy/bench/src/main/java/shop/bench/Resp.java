package shop.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client speaking RESP2 over a socket: enough for seeding with pipelined
 * commands and for store-level calls, with no dependency. Replies: {@code String} (simple and
 * bulk strings), {@code Long} (integers), {@code List<Object>} (arrays), {@code null} (nil);
 * an error reply throws {@link RedisError}.
 */
public final class Resp implements Closeable {

    /** An error reply from Redis. */
    public static final class RedisError extends RuntimeException {
        RedisError(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public Resp(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(Args.HOST, port), 5_000);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** One command, waiting for its reply. */
    public Object call(String... command) throws IOException {
        write(out, command);
        out.flush();
        return read(in);
    }

    /** Sends all commands, then reads all replies: one round trip for the batch. */
    public List<Object> pipeline(List<String[]> commands) throws IOException {
        for (String[] command : commands) {
            write(out, command);
        }
        out.flush();
        List<Object> replies = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            replies.add(read(in));
        }
        return replies;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A command as a RESP array of bulk strings. */
    static void write(OutputStream out, String... command) throws IOException {
        out.write(('*' + Integer.toString(command.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisError(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                if (bytes.length != length + 2) {
                    throw new EOFException("Redis closed the connection inside a reply");
                }
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP2 reply: type byte " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(32);
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new EOFException("Redis closed the connection inside a reply");
            }
            buffer.write(b);
        }
        if (in.read() != '\n') {
            throw new IOException("a RESP line must end with CRLF");
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
