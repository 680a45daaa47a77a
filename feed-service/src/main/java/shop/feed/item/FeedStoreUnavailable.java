package shop.feed.item;

/**
 * DynamoDB did not answer, answered with a server error or throttled the call: worth retrying,
 * and for a request a 503. What DynamoDB refuses as invalid is not this.
 */
public class FeedStoreUnavailable extends RuntimeException {

    public FeedStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
