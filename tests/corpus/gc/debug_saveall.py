# gc.set_debug(gc.DEBUG_SAVEALL): unreachable cycles are kept in gc.garbage, uncleared,
# instead of being freed; without the flag they are freed again.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def make_cycle(a, b):
    x, y = Node(a), Node(b)
    x.other, y.other = y, x


gc.collect()
print(gc.get_debug(), gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
make_cycle("a", "b")
found = gc.collect()
print("found", found)
nodes = sorted((o for o in gc.garbage if isinstance(o, Node)), key=lambda n: n.name)
print([n.name for n in nodes])
# The saved objects are intact: their references were not broken.
print([n.other.name for n in nodes])
print(nodes[0].other is nodes[1] and nodes[1].other is nodes[0])
print(all(type(o) in (Node, dict) for o in gc.garbage))
gc.set_debug(0)
del nodes
gc.garbage.clear()
print(gc.collect() > 0)
make_cycle("c", "d")
print(gc.collect(), gc.garbage)
try:
    gc.set_debug("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    gc.set_debug()
except TypeError as e:
    print(type(e).__name__, e)
# Argument errors name the module, as Argument Clinic does.
for f, a in [(gc.get_debug, (1,)), (gc.isenabled, (1,)), (gc.is_tracked, ()),
             (gc.get_count, (1,)), (gc.freeze, (1,)), (gc.is_finalized, (1, 2)),
             (gc.enable, (1,)), (gc.get_stats, (1,)), (gc.get_freeze_count, (1,))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
for f in (gc.get_debug, gc.set_debug):
    try:
        f(x=1)
    except TypeError as e:
        print(e)
