# == and != of exact strs in hot loops (a helper comparing code points), with the
# operands changing to non-strs, str subclasses with their own __eq__, and equal strs
# that are distinct objects.


def count_matches(items, target):
    hits = 0
    misses = 0
    for s in items:
        if s == target:
            hits += 1
        if s != target:
            misses += 1
    return hits, misses


words = ["A", "B", "C", "AB", "", "é", "A"] * 300
print(count_matches(words, "A"))
print(count_matches(words, "é"))
# Equal text, different objects.
print(count_matches(["".join(["x", "y"]) for _ in range(500)], "xy"))


class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__str__(self), other)
        return True

    __hash__ = str.__hash__


print(count_matches(words + [Loud("Z"), 5, None, "A"], "A"))


def classify(chars):
    counts = {"vowel": 0, "other": 0}
    for ch in chars:
        if ch == "a" or ch == "e" or ch == "i" or ch == "o" or ch == "u":
            counts["vowel"] += 1
        else:
            counts["other"] += 1
    return counts


print(classify("the quick brown fox jumps over the lazy dog " * 50))
print(classify(list("aeiouxyz" * 100) + [1.5, b"a", "a"]))


def ordered(words, bound):
    below = 0
    for w in words:
        if w <= bound:
            below += 1
        if w > bound:
            below -= 0
    return below


letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)] * 40
print(ordered(letters, "M"), ordered(letters, "MM"), ordered(letters + ["é", "\ud800", "\U0001f600"], "\ud7ff"))


def walk_chars(last):
    n = 0
    c = "A"
    while c <= last:
        n += 1
        c = c + "A" if len(c) < 3 else "Z" * 4
    return n


print(walk_chars("C"))


def surrogates(items):
    same = 0
    for s in items:
        if s == "\ufffd":
            same += 1
        if s < "\ue000":
            same += 10
    return same


print(surrogates(["\ud800", "\ufffd", "a"] * 300))
