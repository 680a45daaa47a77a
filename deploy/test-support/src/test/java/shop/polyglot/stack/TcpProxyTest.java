package shop.polyglot.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TcpProxyTest {

    /** An echo server: what the proxy forwards comes back unchanged. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread echo = new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // client went away
                        }
                    });
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static String roundTrip(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readNBytes(bytes.length);
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    @Test
    void forwardsCutsAndRestores() throws Exception {
        try (ServerSocket echo = echoServer(); TcpProxy proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort())) {
            assertThat(roundTrip(proxy.port(), "hello")).isEqualTo("hello");

            Socket held = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
            held.setSoTimeout(30_000);
            proxy.cut();
            // an open connection is dropped, a new one is closed at once
            assertThat(held.getInputStream().read()).isEqualTo(-1);
            held.close();
            assertThatThrownBy(() -> {
                String answer = roundTrip(proxy.port(), "lost");
                if (!answer.equals("lost")) {
                    throw new IOException("short answer: " + answer);
                }
            }).isInstanceOf(IOException.class);

            proxy.restore();
            assertThat(roundTrip(proxy.port(), "again")).isEqualTo("again");
        }
    }
}
