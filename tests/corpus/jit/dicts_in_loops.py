# Dicts in hot loops: d[k], d[k] = v, k in d with str and int keys (helper calls in
# traces), missing keys, and keys whose __eq__/__hash__ run Python code (even mutating the
# dict): exactly the interpreter's results, exceptions and call counts.


def counting():
    words = ["spam", "eggs", "ham", "spam", "toast", "eggs", "spam"]
    counts = {w: 0 for w in words}
    for i in range(700):
        w = words[i % len(words)]
        counts[w] = counts[w] + 1
    print(sorted(counts.items()))
    squares = {i: i * i for i in range(50)}
    total = 0
    hits = 0
    for i in range(-20, 80):
        if i in squares:
            total += squares[i]
            hits += 1
        if i not in squares:
            total -= 1
    print("int keys", total, hits)
    mixed = {1: "one", 2.0: "two", True: "true?", "x": 3.5}
    out = []
    for i in range(60):
        k = i % 4
        if k in mixed:
            out.append(mixed[k])
    print(out[:8], len(out))


def missing():
    d = {"a": 1, "b": 2}
    keys = ["a", "b", "a", "c"]
    got = 0
    errors = []
    for i in range(120):
        try:
            got += d[keys[i % 4]]
        except KeyError as e:
            errors.append(repr(e))
    print("missing", got, len(errors), errors[0])


class Noisy:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        Noisy.calls += 1
        if isinstance(other, Noisy):
            return self.n == other.n
        return self.n == other


def python_keys():
    d = {Noisy(1): "n1", 2: "two", "k": "kay"}
    seen = []
    for i in range(200):
        k = 1 if i % 3 == 0 else 2 if i % 3 == 1 else "k"
        seen.append(d[k])
    print(seen[:6], Noisy.calls)
    c = 0
    for i in range(150):
        if (i % 3) in d:
            c += 1
    print("contains", c, Noisy.calls)


class Mutator:
    def __init__(self, n, target):
        self.n = n
        self.target = target

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        # Comparing mutates the dict being searched.
        self.target["late"] = len(self.target)
        return self.n == other


def mutating():
    d = {}
    d[Mutator(5, d)] = "five"
    d[6] = 0
    log = []
    for i in range(100):
        try:
            v = d[5]
            log.append(v)
        except (KeyError, RuntimeError) as e:
            log.append(type(e).__name__)
        d[6] = d[6] + 1
    print(log[:3], len(d), d[6], sorted(k for k in d if isinstance(k, str)))


def stores():
    d = {"x": 0, "y": 0.5, "z": None, "obj": []}
    for i in range(300):
        d["x"] = d["x"] + i
        d["y"] = d["y"] * 1.01
        d["z"] = i if i % 2 else None
        if i % 100 == 0:
            d["new" + str(i)] = i
            d["obj"] = [i]
    print(d["x"], round(d["y"], 6), d["z"], d["obj"], sorted(d))


counting()
missing()
python_keys()
mutating()
stores()
