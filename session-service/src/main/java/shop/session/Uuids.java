package shop.session;

/** Ids in this suite are UUID strings (api-contract.md, Conventions). */
public final class Uuids {

    public static final String PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String MESSAGE = "must be a UUID";

    private Uuids() {
    }
}
