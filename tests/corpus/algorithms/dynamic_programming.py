# Dynamic programming: coin change, longest common subsequence, knapsack, Pascal's triangle.
def coin_ways(coins, total):
    ways = [1] + [0] * total
    for c in coins:
        for v in range(c, total + 1):
            ways[v] += ways[v - c]
    return ways[total]
print(coin_ways([1, 2, 5], 11), coin_ways([1, 5, 10, 25, 50, 100], 1000), coin_ways([2], 3))
def lcs(a, b):
    dp = [[''] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            dp[i][j] = a[i] + dp[i + 1][j + 1] if a[i] == b[j] else max(dp[i + 1][j], dp[i][j + 1], key=len)
    return dp[0][0]
print(lcs('AGGTAB', 'GXTXAYB'), lcs('abcdefghij', 'ecdgi'), repr(lcs('abc', 'xyz')))
def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]
print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)], 15))
row = [1]
for _ in range(12):
    print(' '.join(map(str, row)).center(60).rstrip())
    row = [a + b for a, b in zip([0] + row, row + [0])]
