package shop.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.kit.problem.Problem;

class ImageKeyTest {

    private static final UUID PRODUCT = UUID.fromString("6f1c2a7e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");

    @Test
    void aFreshKeyParsesBackToItself() {
        ImageKey key = ImageKey.fresh(PRODUCT, ImageType.WEBP);
        assertThat(key.value()).startsWith("products/" + PRODUCT + "/").endsWith(".webp");
        assertThat(ImageKey.parse(key.value())).isEqualTo(key);
    }

    @Test
    void traversalAbsolutePathsOtherPrefixesAndOddCharactersAreRefused() {
        String image = UUID.randomUUID() + ".png";
        for (String bad : new String[] {"", "/products/" + PRODUCT + "/" + image, "products/../secret.png",
                "products/" + PRODUCT + "/../" + image, "uploads/" + image, "products/" + PRODUCT + "/a b.png",
                "products/" + PRODUCT + "/" + UUID.randomUUID() + ".gif", "products\\" + PRODUCT + "\\" + image,
                "products/" + PRODUCT.toString().toUpperCase() + "/" + image}) {
            assertThatThrownBy(() -> ImageKey.parse(bad)).as(bad).isInstanceOfSatisfying(Problem.class,
                    problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.errors()).extracting(shop.kit.problem.FieldError::field).containsExactly("key");
                    });
        }
    }

    @Test
    void onlyKeysMediaServiceWritesAreImageKeys() {
        assertThat(ImageKey.isImageKey("products/" + PRODUCT + "/" + UUID.randomUUID() + ".jpg")).isTrue();
        assertThat(ImageKey.isImageKey("products/" + PRODUCT + "/notes.txt")).isFalse();
        assertThat(ImageKey.isImageKey("uploads/" + UUID.randomUUID())).isFalse();
    }
}
