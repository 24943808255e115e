import CKVM
import Glibc

/// When a run must end (`unikit run --timeout`), and the alarm that gets the
/// run loop to notice: a timer sends SIGALRM to the thread that armed it,
/// which interrupts its `KVM_RUN` (or an idling `clock_nanosleep`, or
/// `waitpid` for a linuxu guest) with EINTR. The alarm repeats every 10 ms
/// after the deadline, so a signal that lands just before the loop re-enters
/// `KVM_RUN` is followed by another. Per thread, so that several VMs (or
/// tests) in one process each keep their own deadline.
public final class RunDeadline: Sendable {
    /// `CLOCK_MONOTONIC` nanoseconds.
    let end: UInt64
    let seconds: Double
    /// The kernel's timer id. The first one a process creates is 0, which
    /// reads as nil here, hence the separate flag.
    nonisolated(unsafe) private var timer: timer_t?
    nonisolated(unsafe) private var isArmed = false

    public init(seconds: Double) {
        self.seconds = seconds
        end = Self.now() &+ UInt64(seconds * 1e9)
    }

    deinit { disarm() }

    public var hasPassed: Bool { Self.now() >= end }

    /// Installs the (empty) SIGALRM handler without `SA_RESTART`, unblocks
    /// SIGALRM in this thread (threads from a pool may block every signal;
    /// nothing else in a loader uses SIGALRM, so it stays unblocked) and
    /// starts this thread's timer. Needs `rt_sigaction`, `rt_sigprocmask`
    /// and `timer_create`: arm before the syscall filter goes on.
    public func arm() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        sigaction(SIGALRM, &action, nil)
        var alarm = sigset_t()
        sigemptyset(&alarm)
        sigaddset(&alarm, SIGALRM)
        pthread_sigmask(SIG_UNBLOCK, &alarm, nil)
        var event = sigevent()
        event.sigev_notify = Int32(SIGEV_THREAD_ID)
        event.sigev_signo = SIGALRM
        event._sigev_un._tid = ckvm_gettid()
        guard timer_create(CLOCK_MONOTONIC, &event, &timer) == 0 else { return }
        isArmed = true
        let remaining = max(end - min(Self.now(), end), 1)
        var setting = itimerspec(it_interval: timespec(tv_sec: 0, tv_nsec: 10_000_000),
                                 it_value: timespec(tv_sec: Int(remaining / 1_000_000_000),
                                                    tv_nsec: Int(remaining % 1_000_000_000)))
        timer_settime(timer, 0, &setting, nil)
    }

    /// Deletes the timer (the handler stays: a late signal is harmless).
    public func disarm() {
        guard isArmed else { return }
        timer_delete(timer)
        isArmed = false
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
