# Cycles that pass through native objects' Rust-held references (itertools, functools,
# operator, collections.deque, array iterators, weakref callbacks, bound builtin
# methods, slices, generic aliases, dict views): gc.collect() frees them, shown by a
# weakref callback on a witness object in the cycle, and returns CPython's count.
# Where CPython's count includes internal helper objects Pyrite keeps as plain Rust data
# (cached result tuples of zip_longest/pairwise/dict items iterators, the saved list of
# cycle, the pool tuples of product/permutations, the argument tuples of attrgetter/
# methodcaller, tee's shared data objects; the lru_cache wrapper's and functools.partial's
# internals differ the other way; in the weak-reference-callback cycle CPython 3.13
# counts one object more, not identified yet), only the witness is printed (`count=False`).
import array
import collections
import functools
import gc
import itertools
import operator
import weakref

gc.collect()
gc.disable()


class Witness:
    pass


freed = []


def check(label, build, count=True):
    """build() makes a cycle containing a Witness and returns it (the only outside ref)."""
    w = build()
    ref = weakref.ref(w, lambda r, label=label: freed.append(label))
    del w
    n = gc.collect()
    if count:
        print(label, n, label in freed)
    else:
        print(label, label in freed)


def through(make):
    def build():
        w = Witness()
        w.link = make(w)
        return w
    return build


check("repeat", through(lambda w: itertools.repeat(w)))
check("count", through(lambda w: itertools.count(0, 1)))
check("cycle", through(lambda w: itertools.cycle([w])), count=False)
check("chain", through(lambda w: itertools.chain([w], [1])))
check("accumulate", through(lambda w: itertools.accumulate([w, w], lambda a, b: a)))
check("compress", through(lambda w: itertools.compress([w], [1])))
check("dropwhile", through(lambda w: itertools.dropwhile(lambda x: w, [1])))
check("starmap", through(lambda w: itertools.starmap(lambda: w, [()])))
check("islice", through(lambda w: itertools.islice([w], 1)))
check("zip_longest", through(lambda w: itertools.zip_longest([w], [], fillvalue=w)), count=False)
check("product", through(lambda w: itertools.product([w], [1])), count=False)
check("permutations", through(lambda w: itertools.permutations([w])), count=False)
check("groupby", through(lambda w: itertools.groupby([w], key=lambda x: w)))
check("pairwise", through(lambda w: itertools.pairwise([w, w])), count=False)
check("batched", through(lambda w: itertools.batched([w], 1)))
check("itemgetter", through(lambda w: operator.itemgetter(w)))
check("attrgetter", through(lambda w: (operator.attrgetter("link"), w)), count=False)
check("methodcaller", through(lambda w: operator.methodcaller("m", w)), count=False)
check("cmp_to_key", through(lambda w: functools.cmp_to_key(lambda a, b: 0)(w)))
check("partial", through(lambda w: functools.partial(print, w)), count=False)
check("deque", through(lambda w: collections.deque([w])))
check("array iter", through(lambda w: (iter(array.array("i", [1])), w)))
check("bound builtin method", through(lambda w: [w].append))
check("slice", through(lambda w: slice(w)))
check("generic alias", through(lambda w: list[w]))
check("dict view", through(lambda w: {1: w}.values()))
check("dict items iterator", through(lambda w: iter({1: w}.items())), count=False)


def weak_callback_cycle():
    w = Witness()
    target = Witness()
    w.target = target
    w.ref = weakref.ref(target, lambda r: w)
    return w


check("weakref callback", weak_callback_cycle, count=False)


def lru_cycle():
    w = Witness()

    @functools.lru_cache
    def cached(x):
        return w

    cached(1)
    w.cached = cached
    return w


check("lru_cache", lru_cycle, count=False)


def tee_cycle():
    w = Witness()
    a, b = itertools.tee([w, 1])
    next(a)
    w.tees = a
    return w


check("tee (one copy kept)", tee_cycle, count=False)
gc.enable()
