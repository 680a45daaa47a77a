package shop.search.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import shop.search.problem.Problem;
import shop.search.problem.Problem.FieldError;

/**
 * A search as asked for, checked: {@code GET /api/search?q=&brand=&tag=&minPrice=&maxPrice=&sort=&page=&size=}.
 * Every parameter arrives as text and is parsed here, so that each wrong one is named in the 400.
 */
public record SearchQuery(String q, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice, Sort sort,
        int page, int size) {

    public enum Sort {
        RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST;

        static Sort of(String text) {
            return Sort.valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** What may be asked: the longest query, the largest page, how deep paging goes. */
    public record Limits(int maxLength, int maxSize, int maxDepth) {
    }

    public static final int DEFAULT_SIZE = 20;

    /** The checked query; 400 naming every invalid parameter. */
    public static SearchQuery parse(String q, String brand, String tag, String minPrice, String maxPrice, String sort,
            String page, String size, Limits limits) {
        List<FieldError> errors = new ArrayList<>();
        String text = blankToNull(q);
        if (text != null && text.length() > limits.maxLength()) {
            errors.add(new FieldError("q", "at most " + limits.maxLength() + " characters"));
        }
        checkLength("brand", brand, limits, errors);
        checkLength("tag", tag, limits, errors);
        BigDecimal min = price("minPrice", minPrice, errors);
        BigDecimal max = price("maxPrice", maxPrice, errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError("minPrice", "must not be above maxPrice"));
        }
        Sort order = Sort.RELEVANCE;
        if (blankToNull(sort) != null) {
            try {
                order = Sort.of(sort.strip());
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("sort", "one of relevance, price_asc, price_desc, newest"));
            }
        }
        Integer pageNumber = whole("page", page, 0, 0, Integer.MAX_VALUE, errors);
        Integer pageSize = whole("size", size, DEFAULT_SIZE, 0, limits.maxSize(), errors);
        if (pageNumber != null && pageSize != null && ((long) pageNumber + 1) * pageSize > limits.maxDepth()) {
            errors.add(new FieldError("page", "too deep: (page + 1) * size may not exceed " + limits.maxDepth()));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new SearchQuery(text, blankToNull(brand), blankToNull(tag), min, max, order, pageNumber, pageSize);
    }

    private static void checkLength(String field, String value, Limits limits, List<FieldError> errors) {
        if (value != null && value.length() > limits.maxLength()) {
            errors.add(new FieldError(field, "at most " + limits.maxLength() + " characters"));
        }
    }

    private static BigDecimal price(String field, String text, List<FieldError> errors) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(text.strip());
            if (price.signum() < 0 || price.compareTo(new BigDecimal("1000000000")) > 0) {
                errors.add(new FieldError(field, "must be from 0 to 1000000000"));
                return null;
            }
            return price;
        } catch (NumberFormatException notANumber) {
            errors.add(new FieldError(field, "must be a number such as 49.50"));
            return null;
        }
    }

    private static Integer whole(String field, String text, int fallback, int min, int max, List<FieldError> errors) {
        if (blankToNull(text) == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max)));
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
