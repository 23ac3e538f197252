package com.pilimarket.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.shared.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which endpoints the server may post pushes to. The host names here resolve through a fixed table (this
 * machine has no DNS server to answer them): what is tested is what is done with the answer.
 */
class PushTargetsTests {

    static final Map<String, List<String>> DNS = Map.of(
            "fcm.googleapis.com", List.of("142.250.66.10", "2404:6800:4017:801::200a"),
            "internal.example.com", List.of("10.0.0.7"),
            "metadata.example.com", List.of("169.254.169.254"),
            "cgnat.example.com", List.of("100.64.3.4"),
            "v6-loopback.example.com", List.of("::1"),
            "unique-local.example.com", List.of("fd12:3456::1"),
            "one-bad-answer.example.com", List.of("142.250.66.10", "192.168.1.20"));

    final List<String> asked = new ArrayList<>();

    final PushTargets.Resolver table = host -> {
        asked.add(host);
        List<String> answer = DNS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answer) {
            addresses.add(InetAddress.getByName(a)); // literals: no lookup
        }
        return addresses;
    };

    final PushTargets production = new PushTargets(false, 5, table);

    @Test
    void a_push_service_name_is_accepted_and_may_be_posted_to() {
        String endpoint = "https://fcm.googleapis.com/fcm/send/abc";

        assertThat(production.endpoint(endpoint)).isEqualTo(endpoint);
        assertThat(production.refusal(endpoint)).isEmpty();
        assertThat(asked).containsExactly("fcm.googleapis.com", "fcm.googleapis.com");
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_refused_when_subscribing_and_before_a_post() {
        for (String host : List.of(
                "internal.example.com",
                "metadata.example.com",
                "cgnat.example.com",
                "v6-loopback.example.com",
                "unique-local.example.com",
                "one-bad-answer.example.com",
                "INTERNAL.example.com")) {
            String endpoint = "https://" + host + "/push/1";
            assertThatThrownBy(() -> production.endpoint(endpoint))
                    .as(host)
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).errors().get(0).field())
                    .isEqualTo("endpoint");
            assertThat(production.refusal(endpoint))
                    .as(host)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("private address"));
        }
    }

    @Test
    void an_address_literal_of_a_private_network_is_refused_without_a_lookup() {
        for (String host : List.of(
                "10.1.2.3",
                "172.16.0.1",
                "192.168.0.1",
                "169.254.169.254",
                "100.100.0.1",
                "0.0.0.0",
                "[::1]",
                "[fd00::1]",
                "[::ffff:10.0.0.1]")) {
            String endpoint = "https://" + host + "/push";
            assertThatThrownBy(() -> production.endpoint(endpoint)).as(host).isInstanceOf(ApiException.class);
            assertThat(production.refusal(endpoint)).as(host).isPresent();
        }
        assertThat(asked).isEmpty();
        assertThat(production.refusal("https://142.250.66.10/push")).isEmpty();
    }

    @Test
    void a_name_that_does_not_resolve_may_be_stored_but_is_not_posted_to() {
        String endpoint = "https://gone.example.com/push/1";

        assertThat(production.endpoint(endpoint)).isEqualTo(endpoint);
        assertThat(production.refusal(endpoint)).isPresent();
    }

    @Test
    void this_machine_only_where_allowed() {
        String endpoint = "http://localhost:8123/push/1";

        assertThat(new PushTargets(true, 5, table).refusal(endpoint)).isEmpty();
        assertThat(production.refusal(endpoint)).isPresent();
        assertThat(production.refusal("https://push.localhost/x")).isPresent();
        assertThatThrownBy(() -> production.endpoint(endpoint)).isInstanceOf(ApiException.class);
    }
}
