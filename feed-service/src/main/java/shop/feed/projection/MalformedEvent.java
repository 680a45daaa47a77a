package shop.feed.projection;

/** An event that can never become a feed item; its message is the reason the dead-letter topic records. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String reason) {
        super(reason, null, false, false);
    }
}
