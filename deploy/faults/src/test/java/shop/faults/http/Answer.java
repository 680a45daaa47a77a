package shop.faults.http;

/** What came back: the status (0 when nothing did, with the error), content type and body text. */
public record Answer(int status, String contentType, String body, String error) {

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    public String describe() {
        String shown = body == null ? "" : body.substring(0, Math.min(body.length(), 500));
        return status + " " + contentType + (error == null ? "" : " error=" + error) + " " + shown;
    }
}
