package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.gateway.support.Gateway.assertGatewayProblem;
import static shop.gateway.support.Gateway.describe;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.gateway.support.Personas;

/** Leaderboards: open to read, written by admins, through the gateway to leaderboard-service. */
class LeaderboardRoutesTest extends Personas {

    @Test
    void scoresAreWrittenByAdminsAndReadByAnyone() {
        String board = "/api/leaderboards/" + Gateway.unique("gw");
        String player = customer.userId();
        assertGatewayProblem(anonymous.request().body(Map.of("score", 10)).put(board + "/scores/" + player), 401,
                "not-signed-in");
        assertGatewayProblem(customer.request().body(Map.of("score", 10)).put(board + "/scores/" + player), 403,
                "forbidden");
        Response set = admin.request().body(Map.of("score", 10)).put(board + "/scores/" + player);
        assertThat(set.statusCode()).as(describe(set)).isEqualTo(200);

        assertGatewayProblem(customer.request().body(Map.of("delta", 5)).post(board + "/scores/" + player + "/increment"),
                403, "forbidden");
        Response incremented = admin.request().body(Map.of("delta", 5)).post(board + "/scores/" + player + "/increment");
        assertThat(incremented.statusCode()).as(describe(incremented)).isEqualTo(200);
        assertThat(incremented.jsonPath().getInt("rank")).isEqualTo(1);

        Response top = anonymous.request().get(board + "/top");
        assertThat(top.statusCode()).isEqualTo(200);
        assertThat(top.jsonPath().getString("[0].userId")).isEqualTo(player);
        assertThat(anonymous.request().get(board + "/users/" + player).statusCode()).isEqualTo(200);
        assertThat(anonymous.request().get(board + "/users/" + player + "/around").statusCode()).isEqualTo(200);
        assertGatewayProblem(admin.request().delete(board + "/top"), 404, "not-found");
    }
}
