package shop.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import shop.kit.problem.Problem;

class ImageSpoolTest {

    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @TempDir
    Path dir;

    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG_HEAD, 0, bytes, 0, PNG_HEAD.length);
        for (int i = PNG_HEAD.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static int status(Throwable problem) {
        return ((Problem) problem).status();
    }

    @Test
    void anImageWithinTheLimitIsSpooledWithItsSizeAndSha256() throws Exception {
        byte[] bytes = png(200_000);
        ImageSpool.Spooled spooled = ImageSpool.spool(new ByteArrayInputStream(bytes), ImageType.PNG, dir, 200_000);
        assertThat(spooled.type()).isEqualTo(ImageType.PNG);
        assertThat(spooled.size()).isEqualTo(200_000);
        assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
    }

    @Test
    void oneByteOverTheLimitIs413AndLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> ImageSpool.spool(new ByteArrayInputStream(png(1001)), ImageType.PNG, dir, 1000))
                .satisfies(problem -> assertThat(status(problem)).isEqualTo(413));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theLimitIsFoundWithoutReadingTheWholeBody() {
        // an endless body: only counting while streaming can refuse it
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < PNG_HEAD.length ? PNG_HEAD[(int) position++] & 0xFF : (int) (position++ & 0x7F);
            }
        };
        assertThatThrownBy(() -> ImageSpool.spool(endless, ImageType.PNG, dir, 100_000))
                .satisfies(problem -> assertThat(status(problem)).isEqualTo(413));
    }

    @Test
    void wrongOrMismatchedBytesAre415AndAnEmptyBody400() {
        assertThatThrownBy(() -> ImageSpool.spool(new ByteArrayInputStream("plain text here".getBytes()),
                ImageType.PNG, dir, 1000)).satisfies(problem -> assertThat(status(problem)).isEqualTo(415));
        assertThatThrownBy(() -> ImageSpool.spool(new ByteArrayInputStream(png(100)), ImageType.JPEG, dir, 1000))
                .satisfies(problem -> assertThat(status(problem)).isEqualTo(415));
        assertThatThrownBy(() -> ImageSpool.spool(new ByteArrayInputStream(new byte[0]), ImageType.PNG, dir, 1000))
                .satisfies(problem -> assertThat(status(problem)).isEqualTo(400));
    }
}
