package shop.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageTypeTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void magicNumbersNameTheType() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1);
        byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13);
        byte[] webp = bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P');
        assertThat(ImageType.sniff(jpeg, jpeg.length)).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(png, png.length)).contains(ImageType.PNG);
        assertThat(ImageType.sniff(webp, webp.length)).contains(ImageType.WEBP);
    }

    @Test
    void anythingElseIsNoImage() {
        byte[] text = "hello, world".getBytes(StandardCharsets.US_ASCII);
        byte[] wave = bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E');
        byte[] truncatedPng = bytes(0x89, 'P', 'N', 'G');
        assertThat(ImageType.sniff(text, text.length)).isEmpty();
        assertThat(ImageType.sniff(wave, wave.length)).isEmpty();
        assertThat(ImageType.sniff(truncatedPng, truncatedPng.length)).isEmpty();
        assertThat(ImageType.sniff(new byte[12], 0)).isEmpty();
    }

    @Test
    void contentTypesAreMatchedWithoutParametersOrCase() {
        assertThat(ImageType.ofContentType("image/PNG; charset=binary")).contains(ImageType.PNG);
        assertThat(ImageType.ofContentType("image/jpeg")).contains(ImageType.JPEG);
        assertThat(ImageType.ofContentType("image/gif")).isEmpty();
        assertThat(ImageType.ofContentType(null)).isEmpty();
    }
}
