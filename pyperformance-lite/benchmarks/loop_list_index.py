# loop_list_index: list subscripting in hot loops (load and store by index, negative indices,
# len(), a prefix-sum and a sieve) -- bounds-checked indexing for the JIT.

from _scale import scaled


def prefix_sums(data):
    out = [0] * len(data)
    running = 0
    for i in range(len(data)):
        running += data[i]
        out[i] = running
    return out


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for i in range(limit + 1):
        if flags[i]:
            count += 1
    return count


def reverse_pairs(data):
    n = len(data)
    acc = 0
    for i in range(n):
        acc += data[i] * data[-1 - i]
    return acc % 1000000007


def main():
    data = [(i * 7919) % 1009 for i in range(scaled(1500000))]
    sums = prefix_sums(data)
    print(sums[-1], sums[len(sums) // 2])
    print(sieve(scaled(4000000)))
    print(reverse_pairs(data))


main()
