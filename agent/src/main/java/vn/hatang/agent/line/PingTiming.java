package vn.hatang.agent.line;

import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Response;

/**
 * When one ping's request started to be written and when its response headers had been read, in the
 * meter's clock: carried as the ping request's tag and filled in by OkHttp's call events. The
 * figure is what the network and the server took, without the client's call set-up, connection pool
 * look-up and clean-up (about 0.7 ms on a 2-core VM before the JIT has compiled them).
 */
final class PingTiming {
  /** Clock reading when the request headers started to be written; 0 until then. */
  volatile long sent;

  /** Clock reading when the response headers had been read; 0 until then. */
  volatile long received;

  /** The listener of a call: one that fills the call's timing when it is a ping, else none. */
  static EventListener listenerFor(Call call, LongSupplier clock) {
    PingTiming timing = call.request().tag(PingTiming.class);
    if (timing == null) {
      return EventListener.NONE;
    }
    return new EventListener() {
      @Override
      public void requestHeadersStart(Call c) {
        timing.sent = clock.getAsLong();
      }

      @Override
      public void responseHeadersEnd(Call c, Response response) {
        timing.received = clock.getAsLong();
      }
    };
  }
}
