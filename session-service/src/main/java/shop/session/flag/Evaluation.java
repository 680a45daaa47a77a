package shop.session.flag;

/** {@code GET /api/flags/{name}/evaluate?userId=}. */
public record Evaluation(String name, String userId, boolean enabled) {
}
