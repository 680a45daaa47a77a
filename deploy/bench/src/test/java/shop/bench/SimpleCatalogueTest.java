package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simple catalogue behind the Catalogue interface is the old one, product for product, query for query. */
class SimpleCatalogueTest {

    @Test
    void productIIsTheJsonTheHarnessHasAlwaysSent() {
        for (int i = 0; i < 2_000; i++) {
            assertEquals(SearchProducts.json(i), SimpleCatalogue.INSTANCE.product(i).json());
        }
        // as the harness sent them before the Catalogue existed (SearchProducts.json at 3d4f626)
        assertEquals("{\"sku\":\"bench-search-0\",\"name\":\"Acme Foldable Speaker AC-100\",\"description\":"
                + "\"A foldable speaker from Acme, model 0. Two-year warranty.\",\"brand\":\"Acme\",\"price\":625.29,"
                + "\"tags\":[\"bench-search\",\"audio\"],\"stock\":100}", SimpleCatalogue.INSTANCE.product(0).json());
        assertEquals("{\"sku\":\"bench-search-49999\",\"name\":\"Duff Smart Backpack DU-599\",\"description\":"
                + "\"A smart backpack from Duff, model 49999. Two-year warranty.\",\"brand\":\"Duff\",\"price\":116.10,"
                + "\"tags\":[\"bench-search\",\"outdoor\"],\"stock\":100}", SimpleCatalogue.INSTANCE.product(49_999).json());
    }

    @Test
    void itsMixIsTheOldMix() {
        for (long i = 0; i < 2_000; i++) {
            assertEquals(SearchMix.of(i, 50_000), SearchMix.of(i, 50_000, SimpleCatalogue.INSTANCE));
        }
        assertEquals("bench-search", SimpleCatalogue.INSTANCE.tag());
        assertEquals("bench-search-42", SimpleCatalogue.INSTANCE.sku(42));
    }
}
