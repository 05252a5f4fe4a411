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
