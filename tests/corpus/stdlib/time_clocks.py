# time: the clocks move forward in the right units, sleep sleeps, bad arguments raise CPython's errors
import time

t0, n0 = time.time(), time.time_ns()
print(type(t0).__name__, type(n0).__name__, abs(n0 / 1e9 - t0) < 5, t0 > 1.6e9)
m0, p0, c0 = time.monotonic(), time.perf_counter(), time.process_time()
mn0, pn0, cn0 = time.monotonic_ns(), time.perf_counter_ns(), time.process_time_ns()
time.sleep(0.02)
time.sleep(0)
time.sleep(True and 0)
x = 0
for i in range(200000):
    x += i
m1, p1, c1 = time.monotonic(), time.perf_counter(), time.process_time()
print(m1 - m0 >= 0.019, p1 - p0 >= 0.019, c1 >= c0, time.monotonic_ns() - mn0 >= 19_000_000)
print(time.perf_counter_ns() >= pn0, time.process_time_ns() >= cn0, x)
print([type(f()).__name__ for f in (time.monotonic, time.perf_counter, time.process_time, time.monotonic_ns)])
for call in ["time.sleep('a')", "time.sleep(-1)", "time.sleep(float('nan'))", "time.sleep(float('inf'))",
             "time.sleep()", "time.time(1)", "time.sleep(None)", "time.monotonic(1)", "time.sleep(1e30)", "time.sleep(-0.5)"]:
    try:
        print(call, "->", repr(eval(call)))
    except Exception as e:
        print(call, "!!", type(e).__name__, e)
