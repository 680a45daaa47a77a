package shop.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Real PNG images of random pixels, one per seed, the same bytes every time: the benchmark
 * uploads them, and regenerates them to store the same bytes as BYTEA, without holding 400 MB.
 * Random pixels do not compress, so the size follows the dimensions; the zlib stream is stored
 * (level 0) so making one costs a fraction of a millisecond instead of ImageIO's tens.
 */
final class MediaImages {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MediaImages() {
    }

    /** The side of a square RGB image of about {@code bytes} bytes. */
    static int sideFor(int bytes) {
        return (int) Math.sqrt(bytes / 3.0);
    }

    /** A {@code side}×{@code side} RGB PNG of random pixels from {@code seed}. */
    static byte[] png(int side, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] raw = new byte[side * (1 + side * 3)];
        for (int row = 0; row < side; row++) {
            int start = row * (1 + side * 3);
            raw[start] = 0; // filter: none
            for (int i = start + 1; i < start + 1 + side * 3; i++) {
                raw[i] = (byte) random.nextInt(256);
            }
        }
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length + 1024);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            idat.write(buffer, 0, n);
        }
        deflater.end();

        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
