package shop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import shop.faults.authz.AuthorizationMatrix;
import shop.faults.authz.AuthorizationMatrix.Cell;
import shop.faults.authz.Expectation.Persona;
import shop.faults.report.FaultReport;

/**
 * Every route of the gateway's table × {anonymous, customer, another customer, admin, expired
 * token, forged token}, through the gateway: the status the contract gives, or the build fails.
 * The table it prints is RESULTS.md's.
 */
class AuthorizationMatrixTest {

    @Test
    void everyPersonaGetsWhatTheContractGivesOnEveryRoute() {
        List<Cell> cells = new AuthorizationMatrix().run();

        List<String> mismatches = cells.stream().filter(cell -> !cell.matches())
                .map(cell -> cell.route() + " as " + cell.persona().shown + ": expected " + cell.expected().shown
                        + ", got " + cell.answer())
                .toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("routes", cells.size() / Persona.values().length);
        figures.put("cells", cells.size());
        figures.put("mismatches", mismatches);
        figures.put("cellsDetail", cells.stream().map(cell -> Map.of("route", cell.route().toString(),
                "persona", cell.persona().shown, "expected", cell.expected().shown, "status", cell.status()))
                .toList());
        FaultReport.write("authorization-matrix", figures, table(cells));

        assertThat(mismatches).as("cells where the suite does not answer what the contract gives").isEmpty();
    }

    private static String table(List<Cell> cells) {
        StringBuilder md = new StringBuilder("| route | access |");
        for (Persona persona : Persona.values()) {
            md.append(' ').append(persona.shown).append(" |");
        }
        md.append("\n| --- | --- |").append(" --- |".repeat(Persona.values().length)).append('\n');
        for (int i = 0; i < cells.size(); i += Persona.values().length) {
            Cell first = cells.get(i);
            md.append("| `").append(first.route()).append("` | ").append(first.route().access().name().toLowerCase()
                    .replace('_', '-')).append(" |");
            for (int p = 0; p < Persona.values().length; p++) {
                Cell cell = cells.get(i + p);
                md.append(' ').append(cell.matches() ? "" : "**✗** expected " + cell.expected().shown + ", got ")
                        .append(cell.status()).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
