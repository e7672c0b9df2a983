#!/usr/bin/env python3
"""delayline.py — a userspace delay line on an NFQUEUE queue (for kernels without netem).

    delayline.py --delay-ms 20 [--queue 0] [--max-seconds 3600]

Run it inside the namespace whose `iptables -t raw -A PREROUTING ... -j NFQUEUE --queue-num Q`
sends the packets here. It speaks raw nfnetlink (no libnetfilter_queue, no pip packages), asks
the kernel for packet metadata only (NFQNL_COPY_META: no payload is copied), and accepts each
packet DELAY ms after it arrived. Packet ids on one queue only grow and every packet gets the
same delay, so releases use batch verdicts (NFQNL_MSG_VERDICT_BATCH: accept every id <= N).

Precision (what it adds to the configured delay, `ping -U` at 20 ms one-way on a 2-vCPU VM went
from 41.1 to 40.3 ms RTT): the hold counts from the kernel's receive timestamp (NFQA_TIMESTAMP;
a socket with SO_TIMESTAMPNS turns kernel timestamping on), releases wake on a timerfd (poll()
rounds its timeout up to whole milliseconds), and with few packets held the loop wakes 0.4 ms
early and spins to the release time.

Prints "delayline: ready queue=Q delay=D ms" on stdout once bound; exits on SIGTERM/SIGINT or
after --max-seconds (a bound, so that a forgotten process cannot outlive its bench).
"""
import argparse
import collections
import ctypes
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
NFQA_TIMESTAMP = 4
NFQA_CFG_CMD = 1
NFQA_CFG_PARAMS = 2
NFQA_CFG_QUEUE_MAXLEN = 3
NFQNL_CFG_CMD_BIND = 1
NFQNL_CFG_CMD_UNBIND = 2
NFQNL_COPY_META = 1
NF_ACCEPT = 1
AF_INET = 2
SPIN_S = 0.0004  # see the main loop
SPIN_MAX_HELD = 4


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


class Timer:
    """A CLOCK_MONOTONIC timerfd (through libc, no packages) for waking at a release time to the
    microsecond: poll()'s timeout is whole milliseconds, rounded up, which would add up to 1 ms to
    every packet's delay. None of this is available → `fd` is None and poll's timeout is used."""

    class Timespec(ctypes.Structure):
        _fields_ = [("sec", ctypes.c_long), ("nsec", ctypes.c_long)]

    class Itimerspec(ctypes.Structure):
        _fields_ = [("interval", ctypes.c_long * 2), ("value", ctypes.c_long * 2)]

    def __init__(self):
        self.fd = None
        try:
            self.libc = ctypes.CDLL(None, use_errno=True)
            fd = self.libc.timerfd_create(1, os.O_NONBLOCK | os.O_CLOEXEC)  # 1 = CLOCK_MONOTONIC
            if fd >= 0:
                self.fd = fd
        except (OSError, AttributeError):
            self.fd = None

    def arm(self, at):
        """Fire at time.monotonic() == at (0 disarms)."""
        spec = Timer.Itimerspec()
        if at > 0:
            sec = int(at)
            spec.value[0] = sec
            spec.value[1] = max(1, int((at - sec) * 1e9))
        if self.libc.timerfd_settime(self.fd, 1, ctypes.byref(spec), None) != 0:  # 1 = ABSTIME
            raise OSError(ctypes.get_errno(), "timerfd_settime")

    def clear(self):
        try:
            os.read(self.fd, 8)
        except BlockingIOError:
            pass


def packets(data):
    """(id, arrival) of the NFQNL_MSG_PACKET messages in one netlink datagram; arrival is the
    kernel's receive timestamp (NFQA_TIMESTAMP, wall clock, seconds) or None when it gave none."""
    off = 0
    while off + 16 <= len(data):
        ln, typ, _fl, _seq, _pid = struct.unpack_from("=IHHII", data, off)
        if ln < 16:
            return
        if typ == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            a = off + 20
            end = off + ln
            pid = None
            arrival = None
            while a + 4 <= end:
                alen, akind = struct.unpack_from("=HH", data, a)
                if alen < 4:
                    break
                kind = akind & 0x3FFF
                if kind == NFQA_PACKET_HDR:
                    pid = struct.unpack_from("!I", data, a + 4)[0]
                elif kind == NFQA_TIMESTAMP and alen >= 20:
                    sec, usec = struct.unpack_from("!qq", data, a + 4)
                    arrival = sec + usec / 1e6
                a += (alen + 3) & ~3
            if pid is not None:
                yield pid, arrival
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
    # Ask the kernel to timestamp received packets (a global switch while any socket wants it), so
    # that every packet's hold is counted from its arrival and not from our wake-up.
    stamper = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    stamper.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_TIMESTAMPNS", 35), 1)
    print(f"delayline: ready queue={args.queue} delay={args.delay_ms:g} ms", flush=True)
    poller = select.poll()
    poller.register(q.sock, select.POLLIN)
    timer = Timer()
    if timer.fd is not None:
        poller.register(timer.fd, select.POLLIN)
    armed = 0
    overruns = 0
    while not stop:
        now = time.monotonic()
        if now >= deadline_all:
            break
        if timer.fd is not None:
            # With few packets held (idle latency), wake SPIN_S early and spin to the release time:
            # a wake-up from sleep costs this VM 0.1-0.3 ms, which would add to every idle RTT.
            due = held[0][0] if held else 0
            if due and len(held) <= SPIN_MAX_HELD:
                due -= SPIN_S
            if due != armed:
                timer.arm(due)
                armed = due
            wait_ms = 200
        else:
            wait_ms = 200 if not held else max(0, (held[0][0] - now) * 1000)
        try:
            poller.poll(wait_ms)
        except InterruptedError:
            continue
        if timer.fd is not None:
            timer.clear()
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
            mono = time.monotonic()
            wall = time.time()
            for pid, arrival in packets(data):
                # Delay from the kernel's receive time: our own wake-up does not add to it.
                late = 0 if arrival is None else min(max(0.0, wall - arrival), delay)
                held.append((mono - late + delay, pid))
        now = time.monotonic()
        if held and len(held) <= SPIN_MAX_HELD and 0 < held[0][0] - now <= SPIN_S:
            while time.monotonic() < held[0][0]:
                pass
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
