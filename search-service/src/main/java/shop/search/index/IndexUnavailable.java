package shop.search.index;

/** Elasticsearch cannot be reached or is overloaded (connection refused, timeout, 429, 5xx): worth retrying. */
public class IndexUnavailable extends RuntimeException {

    public IndexUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
