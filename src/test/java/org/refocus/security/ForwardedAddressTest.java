package org.refocus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;

/**
 * The client address counts sign-in failures per address and is written into every audit entry, so a
 * client must not be able to choose it by sending an X-Forwarded-For header. Only proxies named in
 * {@code server.tomcat.remoteip.internal-proxies} are believed; by default that is this machine alone.
 * (Tomcat's own default believed any private address, so any PC on a hospital network could forge it.)
 */
@SpringBootTest
class ForwardedAddressTest extends DatabaseTest {

    @Autowired
    TomcatServerProperties tomcat;

    @Test
    void aClientOnThePrivateNetworkCannotChooseTheAddressThatIsAuditedAndThrottled() throws Exception {
        for (String client : new String[] {"10.20.30.40", "192.168.1.23", "172.16.5.6", "100.64.1.1"}) {
            assertThat(addressSeen(client, "203.0.113.9")).as("client at " + client).isEqualTo(client);
        }
    }

    @Test
    void aProxyOnThisMachineIsStillBelieved() throws Exception {
        assertThat(addressSeen("127.0.0.1", "10.20.30.40")).isEqualTo("10.20.30.40");
    }

    /** The address the application sees when {@code from} sends a request saying it forwards for {@code claimed}. */
    private String addressSeen(String from, String claimed) throws Exception {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(tomcat.getRemoteip().getInternalProxies());
        if (tomcat.getRemoteip().getTrustedProxies() != null) {
            valve.setTrustedProxies(tomcat.getRemoteip().getTrustedProxies());
        }
        AtomicReference<String> seen = new AtomicReference<>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seen.set(request.getRemoteAddr());
            }
        });
        Request request = new Request(new Connector(), new org.apache.coyote.Request());
        request.setRemoteAddr(from);
        request.setRemoteHost(from);
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(claimed);
        valve.invoke(request, new Response(new org.apache.coyote.Response()));
        return seen.get();
    }
}
