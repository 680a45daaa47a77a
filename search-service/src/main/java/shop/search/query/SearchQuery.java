package shop.search.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import shop.kit.problem.Problem;
import shop.kit.problem.FieldError;

/**
 * A search as asked for, checked: {@code GET /api/search?q=&brand=&tag=&minPrice=&maxPrice=&sort=&page=&size=}.
 * The parameters arrive typed (a number that is no number is 400 before this, naming it); here are
 * the shop's limits, which depend on configuration and on each other, each wrong one named in the 400.
 */
public record SearchQuery(String q, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice, Sort sort,
        int page, int size) {

    public enum Sort {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST;

        /** {@code ?sort=} as JAX-RS converts it, case-insensitive: 400 naming the parameter otherwise. */
        public static Sort fromString(String text) {
            try {
                return Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw Problem.invalid("sort", "one of relevance, price_asc, price_desc, newest");
            }
        }
    }

    /** What may be asked: the longest query, the largest page, how deep paging goes. */
    public record Limits(int maxLength, int maxSize, int maxDepth) {
    }

    public static final int DEFAULT_SIZE = 20;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    /** The checked query (absent values take their defaults); 400 naming every invalid parameter. */
    public static SearchQuery of(String q, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice, Sort sort,
            Integer page, Integer size, Limits limits) {
        List<FieldError> errors = new ArrayList<>();
        String text = blankToNull(q);
        checkLength("q", text, limits, errors);
        checkLength("brand", brand, limits, errors);
        checkLength("tag", tag, limits, errors);
        checkPrice("minPrice", minPrice, errors);
        checkPrice("maxPrice", maxPrice, errors);
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldError("minPrice", "must not be above maxPrice"));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            errors.add(new FieldError("page", "must be a whole number from 0"));
        }
        if (pageSize < 0 || pageSize > limits.maxSize()) {
            errors.add(new FieldError("size", "must be a whole number from 0 to " + limits.maxSize()));
        }
        if (pageNumber >= 0 && pageSize >= 0 && ((long) pageNumber + 1) * pageSize > limits.maxDepth()) {
            errors.add(new FieldError("page", "too deep: (page + 1) * size may not exceed " + limits.maxDepth()));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new SearchQuery(text, blankToNull(brand), blankToNull(tag), minPrice, maxPrice,
                sort == null ? Sort.RELEVANCE : sort, pageNumber, pageSize);
    }

    private static void checkLength(String field, String value, Limits limits, List<FieldError> errors) {
        if (value != null && value.length() > limits.maxLength()) {
            errors.add(new FieldError(field, "at most " + limits.maxLength() + " characters"));
        }
    }

    private static void checkPrice(String field, BigDecimal price, List<FieldError> errors) {
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0)) {
            errors.add(new FieldError(field, "must be from 0 to " + MAX_PRICE));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
