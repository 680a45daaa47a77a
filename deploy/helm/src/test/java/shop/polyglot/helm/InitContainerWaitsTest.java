package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An init container that waits for another component must go when that component is switched
 * off: a pod waiting for something that will never come hangs in Init for ever.
 */
class InitContainerWaitsTest {

    /** What a wait waits for: the value that switches it off and the objects that then go. */
    record Component(String switchKey, String offValue, List<String> kinds) {}

    /** Every init container that waits, and for what. A new wait needs a row here. */
    static final Map<String, Component> WAITS = Map.of(
            // Debezium's replication slot: created by the outbox connector
            "wait-for-outbox-slot", new Component("global.outboxConnector", "off", List.of("KafkaConnect", "KafkaConnector")));

    /** Init containers that do not wait for anything (they run the service's own one-off work). */
    static final List<String> NOT_WAITING = List.of("init-and-exit");

    @Test
    void everyInitContainerIsKnownToWaitOrNot() {
        for (Rendered rendered : List.of(RenderedCharts.dev(), RenderedCharts.production())) {
            for (String init : initContainers(rendered)) {
                assertThat(WAITS.containsKey(init) || NOT_WAITING.contains(init))
                        .as("init container %s: add it to WAITS (with the switch of what it waits for) or NOT_WAITING", init)
                        .isTrue();
            }
        }
    }

    @Test
    void everyWaitGoesWithTheComponentItWaitsFor() {
        WAITS.forEach((wait, component) -> {
            Rendered on = RenderedCharts.dev();
            assertThat(initContainers(on)).as("on by default").contains(wait);
            component.kinds().forEach(kind -> assertThat(on.ofKind(kind)).as(kind).isNotEmpty());

            Rendered off = render(component.switchKey(), component.offValue());
            assertThat(initContainers(off)).as("%s with %s=%s", wait, component.switchKey(), component.offValue())
                    .doesNotContain(wait);
            component.kinds().forEach(kind -> assertThat(off.ofKind(kind)).as(kind).isEmpty());
        });
    }

    @Test
    void anOutboxConnectorRunElsewhereIsStillWaitedFor() {
        // external: you register the connector on your own Kafka Connect; it creates the slot
        Rendered external = render("global.outboxConnector", "external");
        assertThat(external.ofKind("KafkaConnect")).isEmpty();
        assertThat(external.ofKind("KafkaConnector")).isEmpty();
        assertThat(initContainers(external)).contains("wait-for-outbox-slot");
    }

    @Test
    void theSwitchesItReplacedFailTheRenderInsteadOfBeingIgnored() {
        for (String replaced : List.of("kafka.connect.enabled", "kafka.outboxConnector.enabled", "catalog-service.outboxSlotWait.enabled")) {
            assertThatThrownBy(() -> render(replaced, "false")).as(replaced)
                    .hasMessageContaining(replaced + " is replaced by global.outboxConnector");
        }
        assertThatThrownBy(() -> render("global.outboxConnector", "no"))
                .hasMessageContaining("global.outboxConnector must be chart, external or off");
    }

    static Rendered render(String key, String value) {
        return new Rendered(RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop")
                .withNamespace(RenderedCharts.NAMESPACE).set(key, value).call());
    }

    /** The names of every Deployment's init containers. */
    static List<String> initContainers(Rendered rendered) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
            for (Map<String, Object> init : maps(at(deployment, "spec.template.spec.initContainers"))) {
                names.add((String) init.get("name"));
            }
        }
        return names;
    }
}
