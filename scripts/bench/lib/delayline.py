#!/usr/bin/env python3
"""delayline.py — a userspace delay line on an NFQUEUE queue (for kernels without netem).

    delayline.py --delay-ms 20 [--queue 0] [--max-seconds 3600]

Run it inside the namespace whose `iptables -t raw -A PREROUTING ... -j NFQUEUE --queue-num Q`
sends the packets here. It speaks raw nfnetlink (no libnetfilter_queue, no pip packages), asks
the kernel for packet metadata only (NFQNL_COPY_META: no payload is copied), and accepts each
packet DELAY ms after it arrived. Packet ids on one queue only grow and every packet gets the
same delay, so releases use batch verdicts (NFQNL_MSG_VERDICT_BATCH: accept every id <= N).

Prints "delayline: ready queue=Q delay=D ms" on stdout once bound; exits on SIGTERM/SIGINT or
after --max-seconds (a bound, so that a forgotten process cannot outlive its bench).
"""
import argparse
import collections
import errno
import os
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET = 0
NFQNL_MSG_CONFIG = 2
NFQNL_MSG_VERDICT_BATCH = 3
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLM_F_REQUEST = 1
NLM_F_ACK = 4
NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2
NFQA_CFG_CMD = 1
NFQA_CFG_PARAMS = 2
NFQA_CFG_QUEUE_MAXLEN = 3
NFQNL_CFG_CMD_BIND = 1
NFQNL_CFG_CMD_UNBIND = 2
NFQNL_COPY_META = 1
NF_ACCEPT = 1
AF_INET = 2


def attr(kind, payload):
    n = 4 + len(payload)
    return struct.pack("=HH", n, kind) + payload + b"\0" * ((4 - n % 4) % 4)


class Queue:
    def __init__(self, num):
        self.num = num
        self.seq = 0
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
        for opt in (33, socket.SO_RCVBUF):  # 33 = SO_RCVBUFFORCE (root), then the capped one
            try:
                self.sock.setsockopt(socket.SOL_SOCKET, opt, 16 << 20)
                break
            except OSError:
                continue
        self.sock.bind((0, 0))

    def send(self, msg_type, attrs, flags=NLM_F_REQUEST):
        self.seq += 1
        body = struct.pack("!BBH", socket.AF_UNSPEC, 0, self.num) + b"".join(attrs)
        hdr = struct.pack("=IHHII", 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | msg_type, flags, self.seq, 0)
        self.sock.send(hdr + body)

    def config(self, attrs):
        self.send(NFQNL_MSG_CONFIG, attrs, NLM_F_REQUEST | NLM_F_ACK)
        while True:  # wait for the ack of this request (packets cannot arrive before bind+params)
            data = self.sock.recv(65536)
            off = 0
            while off + 16 <= len(data):
                ln, typ, _fl, seq, _pid = struct.unpack_from("=IHHII", data, off)
                if typ == NLMSG_ERROR and seq == self.seq:
                    (err,) = struct.unpack_from("=i", data, off + 16)
                    if err != 0:
                        raise OSError(-err, "nfqueue config: " + os.strerror(-err))
                    return
                off += (ln + 3) & ~3

    def bind(self, maxlen):
        self.config([attr(NFQA_CFG_CMD, struct.pack("!BxH", NFQNL_CFG_CMD_BIND, AF_INET))])
        self.config([attr(NFQA_CFG_PARAMS, struct.pack("!IBxxx", 0, NFQNL_COPY_META))])
        self.config([attr(NFQA_CFG_QUEUE_MAXLEN, struct.pack("!I", maxlen))])

    def unbind(self):
        try:
            self.send(NFQNL_MSG_CONFIG, [attr(NFQA_CFG_CMD, struct.pack("!BxH", NFQNL_CFG_CMD_UNBIND, AF_INET))])
        except OSError:
            pass

    def accept_upto(self, packet_id):
        self.send(NFQNL_MSG_VERDICT_BATCH, [attr(NFQA_VERDICT_HDR, struct.pack("!II", NF_ACCEPT, packet_id))])


def packet_ids(data):
    """Ids of the NFQNL_MSG_PACKET messages in one netlink datagram."""
    off = 0
    while off + 16 <= len(data):
        ln, typ, _fl, _seq, _pid = struct.unpack_from("=IHHII", data, off)
        if ln < 16:
            return
        if typ == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            a = off + 20
            end = off + ln
            while a + 4 <= end:
                alen, akind = struct.unpack_from("=HH", data, a)
                if alen < 4:
                    break
                if akind & 0x3FFF == NFQA_PACKET_HDR:
                    yield struct.unpack_from("!I", data, a + 4)[0]
                    break
                a += (alen + 3) & ~3
        off += (ln + 3) & ~3


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delay-ms", type=float, required=True)
    ap.add_argument("--queue", type=int, default=0)
    ap.add_argument("--maxlen", type=int, default=20000)
    ap.add_argument("--max-seconds", type=float, default=3600)
    args = ap.parse_args()

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))

    q = Queue(args.queue)
    q.bind(args.maxlen)
    q.sock.setblocking(False)
    delay = args.delay_ms / 1000.0
    deadline_all = time.monotonic() + args.max_seconds
    held = collections.deque()  # (release time, packet id), in arrival order
    print(f"delayline: ready queue={args.queue} delay={args.delay_ms:g} ms", flush=True)
    poller = select.poll()
    poller.register(q.sock, select.POLLIN)
    overruns = 0
    while not stop:
        now = time.monotonic()
        if now >= deadline_all:
            break
        wait_ms = 200 if not held else max(0, (held[0][0] - now) * 1000)
        try:
            poller.poll(wait_ms)
        except InterruptedError:
            continue
        while True:  # drain everything the kernel has queued for us
            try:
                data = q.sock.recv(1 << 16)
            except BlockingIOError:
                break
            except OSError as e:
                if e.errno == errno.ENOBUFS:  # we fell behind; the kernel dropped messages
                    overruns += 1
                    continue
                raise
            t = time.monotonic() + delay
            for pid in packet_ids(data):
                held.append((t, pid))
        now = time.monotonic()
        last = None
        while held and held[0][0] <= now:
            last = held.popleft()[1]
        if last is not None:
            q.accept_upto(last)
    # Release whatever is still held, then leave the queue.
    if held:
        try:
            q.accept_upto(held[-1][1])
        except OSError:
            pass
    q.unbind()
    if overruns:
        print(f"delayline: {overruns} receive overruns (ENOBUFS)", file=sys.stderr)


if __name__ == "__main__":
    main()
