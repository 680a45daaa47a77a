package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RespTest {

    private static Object read(String wire) throws IOException {
        return Resp.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void commandsAreArraysOfBulkStringsWithByteLengths() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Resp.write(out, "ZADD", "lb:{b}:all", "12", "ü");
        assertEquals("*4\r\n$4\r\nZADD\r\n$10\r\nlb:{b}:all\r\n$2\r\n12\r\n$2\r\nü\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyRespTwoReplyTypeIsRead() throws IOException {
        assertEquals("OK", read("+OK\r\n"));
        assertEquals(42L, read(":42\r\n"));
        assertEquals("a\r\nb", read("$4\r\na\r\nb\r\n"));
        assertNull(read("$-1\r\n"));
        assertNull(read("*-1\r\n"));
        assertEquals(List.of("x", 1L, List.of()), read("*3\r\n$1\r\nx\r\n:1\r\n*0\r\n"));
    }

    @Test
    void errorRepliesThrowWithRedisMessage() {
        Resp.RedisError error = assertThrows(Resp.RedisError.class, () -> read("-WRONGTYPE Operation\r\n"));
        assertEquals("WRONGTYPE Operation", error.getMessage());
    }

    @Test
    void aTruncatedReplyIsAnError() {
        assertThrows(EOFException.class, () -> read("$5\r\nab"));
        assertThrows(EOFException.class, () -> read(":12"));
    }
}
