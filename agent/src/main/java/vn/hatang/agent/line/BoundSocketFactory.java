package vn.hatang.agent.line;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets bound to one local address before they connect, so that a measurement leaves
 * through the network card of the line being measured. Thread-safe.
 */
final class BoundSocketFactory extends SocketFactory {
  private final InetAddress local;

  BoundSocketFactory(InetAddress local) {
    this.local = local;
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(local, 0));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(address, port);
  }
}
