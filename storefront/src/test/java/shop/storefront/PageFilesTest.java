package shop.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The page and its two files as the service serves them: self-contained, revalidated, compressed on the wire. */
@QuarkusTest
class PageFilesTest {

    @Test
    void thePageLoadsOnlyItsOwnFiles() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        // nothing from another origin: no CDN, no font service, no tracker
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
        while (reference.find()) {
            assertThat(reference.group(1)).as("a reference of the page").doesNotStartWith("http").doesNotStartWith("//");
        }
        assertThat(page).contains("/assets/shop.js").contains("/assets/shop.css");
    }

    @Test
    void theFilesAreRevalidatedSoANewReleaseIsPickedUpAtOnce() {
        for (String file : new String[] {"/", "/assets/shop.js", "/assets/shop.css"}) {
            String modified = given().get(file).then().statusCode(200).header("Cache-Control", containsString("max-age=0"))
                    .header("Last-Modified", notNullValue()).extract().header("Last-Modified");
            given().header("If-Modified-Since", modified).get(file).then().statusCode(304);
        }
        given().get("/assets/shop.js").then().contentType(containsString("javascript"));
        given().get("/assets/shop.css").then().contentType(containsString("text/css"));
    }

    @Test
    void theScriptTravelsCompressed() {
        given().header("Accept-Encoding", "gzip").get("/assets/shop.js").then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void aFileThatIsNotThereIs404() {
        given().get("/assets/nothing.js").then().statusCode(404);
    }
}
