# the gc module's interface: enable/disable, thresholds, tracking, referents, callbacks
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(*old)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
try:
    gc.set_threshold()
except TypeError as e:
    print(type(e).__name__)

class C:
    pass

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(C()))
lst = [1, "a", None]
print(gc.get_referents(lst))
holder = [lst]
print(any(r is holder for r in gc.get_referrers(lst)))
print(gc.garbage)

events = []
def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
print(isinstance(gc.get_stats(), list), len(gc.get_stats()))
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
