#!/usr/bin/env python3
"""Times two commands in turn (A B A B …, after one warm-up of each) and prints a Markdown row:
the median wall time and the largest peak memory (max RSS, from wait4) of each, and the median
of the pairwise time ratios A/B. Stdlib only; the commands run without a shell
unless they use shell syntax.

usage: compare.py NAME RUNS TIMEOUT 'COMMAND A' ['COMMAND B']
A run that exceeds TIMEOUT seconds is killed and reported as '> TIMEOUT s (stopped)'; no
further runs of that command are made.
"""
import os, shlex, signal, statistics, subprocess, sys, tempfile, time


def argv(command):
    """The command's words, run without a shell when it has no shell syntax: /bin/sh would add
    3 to 5 ms to every run, which is a quarter of a start-up measurement."""
    if any(c in command for c in "|&;<>()$`*?[]{}~\\'\"\n"):
        return ["/bin/sh", "-c", command]
    return shlex.split(command)


class Timeout(Exception):
    pass


def run(command, timeout):
    # stderr goes to a file, not a pipe: a pipe nobody reads while the command runs fills at
    # 64 KiB and the command (an import listing its rejected rows) then waits forever.
    errors = tempfile.TemporaryFile()
    start = time.monotonic()
    process = subprocess.Popen(argv(command), stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)

    # A blocking wait: the clock stops when the command ends, not at the next poll. An interval
    # timer (no thread: a second thread costs this process milliseconds per run) kills the
    # command's process group when it runs past TIMEOUT.
    def stop(signum, frame):
        os.killpg(process.pid, signal.SIGKILL)
        os.wait4(process.pid, 0)
        raise Timeout

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        _, status, usage = os.wait4(process.pid, 0)
    except Timeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):  # 3 = rows rejected, expected with the generated invalid rows
        errors.seek(0)
        sys.stderr.write(f"command failed ({code}): {command}\n{errors.read().decode(errors='replace')[-2000:]}\n")
        sys.exit(1)
    return wall, usage.ru_maxrss / 1024  # KiB → MiB


def main():
    name, runs, timeout, a = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    b = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else None
    results = {"a": [], "b": []}
    stopped = {"a": False, "b": False}
    for round_ in range(runs + 1):  # round 0 is the warm-up
        for key, command in (("a", a), ("b", b)):
            if command is None or stopped[key]:
                continue
            wall, rss = run(command, timeout)
            if wall is None:
                stopped[key] = True
            elif round_ > 0:
                results[key].append((wall, rss))

    def show(key):
        if stopped[key] and not results[key]:
            return f"> {timeout:.0f} s (stopped)", "–"
        walls = [w for w, _ in results[key]]
        median = statistics.median(walls)
        # Milliseconds matter for a start-up: four decimals below a tenth of a second.
        return f"{median:.4f} s" if median < 0.1 else f"{median:.3f} s", f"{max(r for _, r in results[key]):.0f} MiB"

    ka, ma = show("a")
    if b is None:
        print(f"| {name} | {ka} | {ma} | – | – | – |")
        return
    kb, mb = show("b")
    if results["a"] and results["b"]:
        ratios = [x[0] / y[0] for x, y in zip(results["a"], results["b"])]
        ratio = f"{statistics.median(ratios):.2f}"
    elif stopped["a"] and results["b"]:
        ratio = f"> {timeout / statistics.median(w for w, _ in results['b']):.1f}"
    else:
        ratio = "–"
    print(f"| {name} | {ka} | {ma} | {kb} | {mb} | {ratio} |")


if __name__ == "__main__":
    main()
