# Event-driven queue simulation with a deterministic pseudo-random generator and a priority list.
class Rng:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.state >> 33
    def uniform(self):
        return self.next() / 2 ** 31
rng = Rng(7)
events = []
t = 0.0
for i in range(20):
    t += rng.uniform() * 3
    events.append((round(t, 3), 'arrive', i))
events.sort()
queue, served, clock, busy_until, waits = [], [], 0.0, 0.0, []
for when, kind, cid in events:
    clock = when
    start = max(clock, busy_until)
    service = 1 + rng.uniform() * 2
    busy_until = start + service
    waits.append(start - clock)
    served.append((cid, round(start, 3), round(busy_until, 3)))
for s in served[:8]:
    print(s)
print('avg wait %.4f max wait %.4f' % (sum(waits) / len(waits), max(waits)))
print('finish', round(busy_until, 6), rng.next())
