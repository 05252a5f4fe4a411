"""Heap queue algorithms (a.k.a. priority queue) over plain lists.

The sift primitives are Rust (_heapq); merge, nsmallest and nlargest are written here on
top of them, keeping CPython's order of comparisons and its stable tie-breaking.
"""

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    heappush_max, heappop_max, heapify_max, heapreplace_max,
                    heappushpop_max, _heappop_max, _heapify_max, _heapreplace_max)

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop',
           'heappush_max', 'heappop_max', 'heapify_max', 'heapreplace_max',
           'heappushpop_max']


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output (lazily)."""
    if reverse:
        make_heap, pop, replace, sign = heapify_max, heappop_max, heapreplace_max, -1
    else:
        make_heap, pop, replace, sign = heapify, heappop, heapreplace, 1
    # Each heap entry is a mutable list [sort key, input number, value, step];
    # the input number breaks ties so that earlier inputs come first.
    entries = []
    for number, iterable in enumerate(iterables):
        step = iter(iterable).__next__
        try:
            value = step()
        except StopIteration:
            continue
        sort_key = value if key is None else key(value)
        entries.append([sort_key, number * sign, value, step])
    make_heap(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace(entries, entry)
        except StopIteration:
            pop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3].__self__


def _select(n, iterable, key, largest):
    if n == 1:
        missing = object()
        best = (max if largest else min)(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    source = iter(iterable)
    # Entries (sort key, order, value): order keeps equal keys in input order.
    if largest:
        orders = range(0, -n, -1)
    else:
        orders = range(n)
    if key is None:
        chosen = [(value, order, value) for order, value in zip(orders, source)]
    else:
        chosen = [(key(value), order, value) for order, value in zip(orders, source)]
    if not chosen:
        return chosen
    if largest:
        heapify(chosen)
        order = -n
        worst = chosen[0][0]
        for value in source:
            k = value if key is None else key(value)
            if worst < k:
                heapreplace(chosen, (k, order, value))
                worst = chosen[0][0]
                order -= 1
        chosen.sort(reverse=True)
    else:
        heapify_max(chosen)
        order = n
        worst = chosen[0][0]
        for value in source:
            k = value if key is None else key(value)
            if k < worst:
                heapreplace_max(chosen, (k, order, value))
                worst = chosen[0][0]
                order += 1
        chosen.sort()
    return [entry[2] for entry in chosen]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first (like sorted(...)[:n])."""
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first (like sorted(..., reverse=True)[:n])."""
    return _select(n, iterable, key, True)
